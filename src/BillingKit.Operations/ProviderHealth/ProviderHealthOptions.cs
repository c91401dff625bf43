namespace BillingKit.Operations;

/// <summary>When a provider counts as degraded, and when it recovers.</summary>
public sealed class ProviderHealthOptions
{
    /// <summary>Gets or sets how many failures in a row (outages, authorization or synchronisation failures) make a
    /// provider degraded.</summary>
    /// <value>3.</value>
    public int DegradeAfterConsecutiveFailures { get; set; } = 3;

    /// <summary>Gets or sets whether a single rate-limit answer makes a provider degraded at once.</summary>
    /// <value><see langword="true"/>.</value>
    public bool DegradeOnRateLimit { get; set; } = true;

    /// <summary>Gets or sets how many successful calls in a row clear a degraded provider.</summary>
    /// <value>1.</value>
    public int ClearAfterConsecutiveSuccesses { get; set; } = 1;
}
