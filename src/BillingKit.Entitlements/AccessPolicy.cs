using System.Collections.Frozen;

namespace BillingKit.Entitlements;

/// <summary>What <see cref="AccessLevel.Limited"/> denies: metric and feature keys, from <see cref="EntitlementOptions"/>.</summary>
internal sealed class AccessPolicy(IEnumerable<string> limitedMetrics, IEnumerable<string> limitedFeatures)
{
    internal static AccessPolicy Default { get; } = new(EntitlementOptions.DefaultLimitedMetrics, []);

    internal FrozenSet<string> LimitedMetrics { get; } = limitedMetrics.ToFrozenSet(StringComparer.Ordinal);

    internal FrozenSet<string> LimitedFeatures { get; } = limitedFeatures.ToFrozenSet(StringComparer.Ordinal);
}
