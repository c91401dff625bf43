using NodaTime;

namespace BillingKit.Operations;

/// <summary>A provider's health as seen in our calls to it: what the host shows as a banner when
/// <see cref="IsDegraded"/>.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="IsDegraded">Whether the provider is degraded now.</param>
/// <param name="Since">When it became degraded; <see langword="null"/> when healthy.</param>
/// <param name="Kind">What is wrong; <see langword="null"/> when healthy.</param>
/// <param name="LastError">The last error seen (kind, code and the adapter's message, never secrets or card data);
/// kept after recovery for reference.</param>
/// <param name="LastErrorAt">When the last error was seen.</param>
/// <param name="LastSuccessAt">When the last successful call ended.</param>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="ConsecutiveSuccesses">Successes since the last failure.</param>
public sealed record ProviderHealthStatus(
    ProviderName Provider,
    bool IsDegraded,
    Instant? Since,
    ProviderIssueKind? Kind,
    string? LastError,
    Instant? LastErrorAt,
    Instant? LastSuccessAt,
    int ConsecutiveFailures,
    int ConsecutiveSuccesses)
{
    /// <summary>Gets the status of a provider with no calls seen yet.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>A healthy status.</returns>
    public static ProviderHealthStatus Healthy(ProviderName provider) => new(provider, false, null, null, null, null, null, 0, 0);
}
