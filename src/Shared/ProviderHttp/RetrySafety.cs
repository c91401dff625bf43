namespace BillingKit.Providers.Http;

/// <summary>Whether an operation may be sent again after a failure whose outcome is unknown.</summary>
internal enum RetrySafety
{
    /// <summary>Reads, and writes the provider deduplicates (a Paystack charge whose reference it refuses twice).</summary>
    Idempotent = 0,

    /// <summary>Writes the provider does not deduplicate (refunds, dispute actions, Flutterwave charges): retried
    /// only on 429 or a connection that never opened.</summary>
    OnlyWhenNotProcessed = 1,
}
