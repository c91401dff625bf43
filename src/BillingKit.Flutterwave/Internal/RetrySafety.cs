namespace BillingKit.Flutterwave.Internal;

/// <summary>Whether an operation may be sent again after a failure whose outcome is unknown.</summary>
internal enum RetrySafety
{
    /// <summary>Reads, and writes the provider deduplicates (none at Flutterwave: reads only).</summary>
    Idempotent = 0,

    /// <summary>Writes the provider does not deduplicate (charges, refunds, chargeback actions): retried only on 429 or a
    /// connection that never opened.</summary>
    OnlyWhenNotProcessed = 1,
}
