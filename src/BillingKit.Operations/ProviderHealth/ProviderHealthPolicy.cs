using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure health transitions of one provider.</summary>
internal static class ProviderHealthPolicy
{
    public static ProviderHealthStatus OnFailure(ProviderHealthStatus status, ProviderIssueKind kind, string error, Instant now, ProviderHealthOptions options)
    {
        var failures = status.ConsecutiveFailures + 1;
        var degrade = status.IsDegraded
            || failures >= options.DegradeAfterConsecutiveFailures
            || (kind == ProviderIssueKind.RateLimited && options.DegradeOnRateLimit);
        return status with
        {
            IsDegraded = degrade,
            Since = degrade ? status.Since ?? now : null,
            Kind = degrade ? kind : null,
            LastError = error,
            LastErrorAt = now,
            ConsecutiveFailures = failures,
            ConsecutiveSuccesses = 0,
        };
    }

    public static ProviderHealthStatus OnSuccess(ProviderHealthStatus status, Instant now, ProviderHealthOptions options)
    {
        var successes = status.ConsecutiveSuccesses + 1;
        var clear = status.IsDegraded && successes >= options.ClearAfterConsecutiveSuccesses;
        return status with
        {
            IsDegraded = status.IsDegraded && !clear,
            Since = status.IsDegraded && !clear ? status.Since : null,
            Kind = status.IsDegraded && !clear ? status.Kind : null,
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            ConsecutiveSuccesses = successes,
        };
    }

    /// <summary>Maps a provider error onto a health issue; <see langword="null"/> when the provider answered
    /// properly (a decline, an unknown id, an invalid request), which proves it is up.</summary>
    public static ProviderIssueKind? Classify(BillingKit.Providers.ProviderErrorKind kind) => kind switch
    {
        BillingKit.Providers.ProviderErrorKind.RateLimited => ProviderIssueKind.RateLimited,
        BillingKit.Providers.ProviderErrorKind.ProviderUnavailable => ProviderIssueKind.Outage,
        BillingKit.Providers.ProviderErrorKind.Network => ProviderIssueKind.Outage,
        BillingKit.Providers.ProviderErrorKind.Unknown => ProviderIssueKind.Outage,
        BillingKit.Providers.ProviderErrorKind.Unauthorized => ProviderIssueKind.Unauthorized,
        BillingKit.Providers.ProviderErrorKind.InvalidResponse => ProviderIssueKind.SyncFailure,
        _ => null,
    };
}
