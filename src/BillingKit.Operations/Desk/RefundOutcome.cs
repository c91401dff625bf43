namespace BillingKit.Operations;

/// <summary>How a desk refund ended.</summary>
public enum RefundOutcome
{
    /// <summary>The provider refunded the money and the ledger refund is posted.</summary>
    Refunded = 0,

    /// <summary>Sent, but not final (the provider is processing it, or the call's outcome is unknown): it waits for a
    /// provider event or reconciliation, and the ledger is not touched yet.</summary>
    Pending = 1,

    /// <summary>Refused before anything was sent: above the refundable remainder, or the refund policy refuses it.</summary>
    Refused = 2,

    /// <summary>The provider declined the refund; the ledger is not touched.</summary>
    Failed = 3,
}
