namespace BillingKit.Entitlements;

/// <summary>Thrown by admin calls given a metric key that no <see cref="Metric.Define"/> call has defined.</summary>
public sealed class UnknownMetricException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The key.</param>
    public UnknownMetricException(string key)
        : base($"No metric '{key}' is defined: use a built-in metric (verifications, attestations.mint, webhook_endpoints, storage_bytes, seats) or define it with Metric.Define first.") =>
        Key = key;

    /// <summary>Gets the key.</summary>
    public string Key { get; }
}
