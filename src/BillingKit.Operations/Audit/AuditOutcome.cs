namespace BillingKit.Operations;

/// <summary>How a recorded desk action or handled event ended.</summary>
public enum AuditOutcome
{
    /// <summary>The action did what was asked.</summary>
    Succeeded = 0,

    /// <summary>The action was refused by a business rule (above the refundable amount, a policy said no); the
    /// refusal itself is what was recorded.</summary>
    Refused = 1,

    /// <summary>The action waits for an approval (a credit above the actor's authority).</summary>
    PendingApproval = 2,

    /// <summary>The action had no effect because it had already been done (a repeated idempotency key or event id).</summary>
    Duplicate = 3,
}
