namespace BillingKit.Operations;

/// <summary>How a desk credit ended.</summary>
public enum CreditOutcome
{
    /// <summary>Within the actor's authority (or approved): applied to the ledger (open charges first, the rest to the credit balance).</summary>
    Applied = 0,

    /// <summary>Above the actor's authority: an approval request waits for a higher role; nothing is applied yet.</summary>
    PendingApproval = 1,
}
