namespace BillingKit.Operations;

/// <summary>Why a credit approval request could not be decided.</summary>
public enum CreditApprovalFailure
{
    /// <summary>No request has that id for the tenant.</summary>
    NotFound = 0,

    /// <summary>The request was already approved or rejected.</summary>
    NotPending = 1,

    /// <summary>The approver asked for the credit themselves.</summary>
    SelfApproval = 2,

    /// <summary>The amount is above the approver's own credit authority.</summary>
    AuthorityTooLow = 3,
}
