using NodaTime;

namespace BillingKit.Operations;

/// <summary>An immutable copy of <see cref="MassPaymentFailureOptions"/>.</summary>
internal sealed record MassFailureSettings(Duration Window, int MinimumSamples, decimal FailureRateThreshold, int MinimumTenants)
{
    public static MassFailureSettings From(MassPaymentFailureOptions options) =>
        new(Duration.FromTimeSpan(options.Window), options.MinimumSamples, options.FailureRateThreshold, options.MinimumTenants);
}
