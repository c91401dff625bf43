namespace BillingKit.Operations;

/// <summary>Where a credit approval request stands.</summary>
public enum CreditApprovalStatus
{
    /// <summary>Waiting for a decision.</summary>
    Pending = 0,

    /// <summary>Approved; the credit was applied with the approval.</summary>
    Approved = 1,

    /// <summary>Rejected; no credit was applied.</summary>
    Rejected = 2,
}
