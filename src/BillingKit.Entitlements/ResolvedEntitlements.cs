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
    /// <summary>The tick count (milliseconds) before which a coarse gate clock uses this snapshot without deriving the
    /// instant; see <see cref="IsFreshAt"/>.</summary>
    private long _coarseDeadline = long.MinValue;

    /// <summary>The first metrics' gates, inline (see <see cref="GateAt"/>).</summary>
    private MetricGateBlock _inline;

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
        MetricCount = metrics.Length;
        for (var ordinal = 0; ordinal < Math.Min(metrics.Length, MetricGateBlock.Length); ordinal++)
        {
            _inline[ordinal] = metrics[ordinal];
        }

        Enabled = enabled;
        FeatureValues = featureValues;
        Access = access;
        IsWarned = access == AccessLevel.Warned;
        Period = period;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        ValidUntilTicks = validUntil.ToUnixTimeTicks();
        Next = next;
        Floors = new long[metrics.Length];
        for (var ordinal = 0; ordinal < metrics.Length; ordinal++)
        {
            var gate = metrics[ordinal];
            var limit = gate.Deny == EntitlementReason.WithinLimit ? gate.Limit : 0;
            Floors[ordinal] = next is not null && ordinal < next.Floors.Length ? Math.Min(limit, next.Floors[ordinal]) : limit;
        }
    }

    /// <summary>Gets, per metric ordinal, the lowest effective limit from this snapshot to the end of the chain (0 where
    /// a metric is denied). Units handed to per-core slices never take usage above it, so a slice can be spent after a
    /// grace allowance expires without taking usage above the limit then.</summary>
    internal long[] Floors { get; }

    internal MetricGate[] Metrics { get; }

    /// <summary>Gets the number of metric ordinals resolved (the length of <see cref="Metrics"/>).</summary>
    internal int MetricCount { get; }

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

    /// <summary>Gets a metric's gate, from the inline copy for the first ordinals.</summary>
    /// <param name="ordinal">The metric's ordinal, less than <see cref="MetricCount"/>.</param>
    /// <returns>The gate.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal MetricGate GateAt(int ordinal) => (uint)ordinal < MetricGateBlock.Length ? _inline[ordinal] : Metrics[ordinal];

    /// <summary>Tells whether this snapshot is known to be valid at a tick count, without deriving the instant.</summary>
    /// <param name="milliseconds">The value of <see cref="Environment.TickCount64"/> just read.</param>
    /// <returns><see langword="true"/> when the snapshot can be used without looking at the time.</returns>
    internal bool IsFreshAt(long milliseconds) => milliseconds < Volatile.Read(ref _coarseDeadline);

    /// <summary>Lets a coarse gate clock use this snapshot without deriving the instant until the tick count reaches
    /// the earlier of <see cref="ValidUntil"/> and one recalibration interval from now, so a change of the wall clock
    /// is noticed within that interval, as with <see cref="GateClock"/> itself.</summary>
    /// <param name="milliseconds">The tick count at which <paramref name="nowTicks"/> was derived.</param>
    /// <param name="nowTicks">The instant as Unix ticks.</param>
    internal void ExtendCoarseDeadline(long milliseconds, long nowTicks)
    {
        var left = Math.Clamp((ValidUntilTicks - nowTicks) / GateClock.TicksPerMillisecond, 0, GateClock.RecalibrationMilliseconds);
        Volatile.Write(ref _coarseDeadline, milliseconds + left);
    }

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
