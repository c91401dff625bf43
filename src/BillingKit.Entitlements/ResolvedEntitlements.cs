using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// A tenant's entitlements resolved for a stretch of time: effective limits by metric ordinal, enabled features by
/// feature ordinal, the access level, and the instant at which something expires. Immutable except for the usage
/// counters, which the gate attaches before publishing it. Snapshots for the later stretches of the same usage
/// period (after each grace allowance expires) are resolved in advance and chained through <see cref="Next"/>, so
/// the first check after an expiry only moves to the next snapshot and allocates nothing.
/// </summary>
internal sealed class ResolvedEntitlements
{
    internal ResolvedEntitlements(
        MetricGate[] metrics,
        bool[] enabled,
        FeatureValue?[] featureValues,
        AccessLevel access,
        Interval period,
        Instant validFrom,
        Instant validUntil,
        ResolvedEntitlements? next)
    {
        Metrics = metrics;
        Enabled = enabled;
        FeatureValues = featureValues;
        Access = access;
        IsWarned = access == AccessLevel.Warned;
        Period = period;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        ValidUntilTicks = validUntil.ToUnixTimeTicks();
        Next = next;
    }

    internal MetricGate[] Metrics { get; }

    internal bool[] Enabled { get; }

    internal FeatureValue?[] FeatureValues { get; }

    internal AccessLevel Access { get; }

    internal bool IsWarned { get; }

    internal Interval Period { get; }

    internal Instant ValidFrom { get; }

    internal Instant ValidUntil { get; }

    /// <summary>Gets <see cref="ValidUntil"/> as Unix ticks, compared on every check.</summary>
    internal long ValidUntilTicks { get; }

    /// <summary>Gets the snapshot that takes over at <see cref="ValidUntil"/> within the same usage period, if any.</summary>
    internal ResolvedEntitlements? Next { get; }

    /// <summary>Gets the usage counters of <see cref="Period"/>; attached by the gate before the snapshot is published.</summary>
    internal UsageCounters Counters { get; private set; } = null!;

    /// <summary>Gets the counters' slots (kept here to save an indirection on the hot path).</summary>
    internal long[] Slots { get; private set; } = [];

    /// <summary>Attaches the counters to this snapshot and every one chained after it.</summary>
    /// <param name="counters">The counters of the usage period.</param>
    internal void Attach(UsageCounters counters)
    {
        for (var snapshot = this; snapshot is not null; snapshot = snapshot.Next)
        {
            snapshot.Counters = counters;
            snapshot.Slots = counters.Slots;
        }
    }
}
