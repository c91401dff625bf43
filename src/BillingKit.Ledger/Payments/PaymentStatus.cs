namespace BillingKit.Ledger;

/// <summary>Where a payment record stands. Valid moves are defined by <see cref="PaymentTransitions"/>.</summary>
public enum PaymentStatus
{
    /// <summary>Expected, not attempted yet.</summary>
    Pending = 0,

    /// <summary>An attempt is under way at a provider.</summary>
    Processing = 1,

    /// <summary>The money was received; only now does the ledger record it.</summary>
    Paid = 2,

    /// <summary>The last attempt failed; it may be retried.</summary>
    Failed = 3,

    /// <summary>Cancelled, or voided after it was paid. Terminal.</summary>
    Cancelled = 4,
}
