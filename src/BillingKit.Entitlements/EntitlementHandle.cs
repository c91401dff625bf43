using System.Runtime.CompilerServices;
using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// One tenant's entitlements, resolved and ready: the fastest way to check and consume on the request hot path.
/// Get it once with <see cref="EntitlementGate.GetHandle"/> (for example when a request's tenant is identified, or
/// cached per tenant) and call it for every request; it stays current as admins change the tenant's plan,
/// overrides, grace allowances or access level.
/// </summary>
/// <remarks>
/// <para>Every method is thread-safe, lock-free on the hot path and allocates nothing. Consumptions are counted
/// with a compare-exchange against the effective limit, so any number of threads never exceed a limit by a single
/// unit; when threads contend for one tenant, its counters switch to per-core slices of the quota, refilled in small
/// batches under a lock and drained before any denial or change of limit, so the limit stays exact. Admin changes
/// swap an immutable snapshot and keep the counters, so no usage is lost.</para>
/// <para>Misuse on the hot path is answered with a denied decision rather than an exception: a negative amount
/// (<see cref="EntitlementReason.InvalidAmount"/>), a metric outside the tenant's entitlements
/// (<see cref="EntitlementReason.MetricNotInPlan"/>), a release on a counter (<see cref="EntitlementReason.NotAGauge"/>).
/// Only a null metric or feature throws.</para>
/// <para>Grace allowances and usage periods expire when the gate's time passes their instant. With NodaTime's
/// system clock, the hot path reads the time from a copy of <see cref="Environment.TickCount64"/> that a background
/// thread refreshes every 4 ms (one memory load), and the tick count is recalibrated against the clock every second,
/// so an expiry is seen at most one tick of <see cref="Environment.TickCount64"/> (1 to 16 ms depending on the
/// operating system) plus one refresh period (4 ms; about 16 ms on Windows) late, or later by as long as that thread
/// waits to be scheduled on an overloaded machine; with any other clock it is exact.</para>
/// </remarks>
public sealed class EntitlementHandle
{
    /// <summary>The most units a refill puts in one core's slice beyond the consumption that triggered it.</summary>
    internal const long MaxSliceBatch = 4096;

    private readonly EntitlementGate _gate;
    private readonly GateClock _time;
    private readonly bool _coarse;
    private readonly Lock _sync = new();
    private ResolvedEntitlements _current;

    /// <summary>The current counters' slots, read beside <see cref="_current"/> so the processor fetches the counters
    /// and the snapshot at once; checked against the snapshot's before use.</summary>
    private long[] _slots;
    private TenantEntitlements _config;
    private Plan _plan;
    private bool _leaseInFlight;

    internal EntitlementHandle(EntitlementGate gate, TenantEntitlements config, Plan plan)
    {
        _gate = gate;
        _time = gate.Time;
        _coarse = _time.IsCoarse;
        Tenant = config.Tenant;
        Key = config.Tenant.Value;
        _config = config;
        _plan = plan;
        var snapshot = EntitlementResolver.Resolve(config, plan, _time.Now(), gate.Policy);
        snapshot.Attach(new UsageCounters(snapshot.Metrics.Length, snapshot.Period));
        _current = snapshot;
        _slots = snapshot.Slots;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the tenant id's text, compared by reference first when the gate looks the tenant up.</summary>
    internal string Key { get; }

    /// <summary>Gets the access level decided by dunning, as last pushed to the gate.</summary>
    public AccessLevel AccessLevel => Volatile.Read(ref _current).Access;

    /// <summary>Tells whether one more use of <paramref name="amount"/> units would be allowed now, without counting it.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision, with the effective limit and the units that would remain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision Check(Metric metric, long amount)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (amount < 0)
        {
            return EntitlementDecision.Deny(EntitlementReason.InvalidAmount);
        }

        var slots = Volatile.Read(ref _slots);
        var snapshot = Current();
        if (!ReferenceEquals(snapshot.Slots, slots))
        {
            slots = SlotsOf(snapshot);
        }

        var ordinal = metric.Ordinal;
        if ((uint)ordinal >= (uint)snapshot.MetricCount)
        {
            return EntitlementDecision.Deny(EntitlementReason.MetricNotInPlan);
        }

        var gate = snapshot.GateAt(ordinal);
        var used = Volatile.Read(ref slots[UsageCounters.UsedIndex(ordinal)]);
        used = used < 0 ? ~used : used;
        if (Volatile.Read(ref slots[UsageCounters.SlicedIndex]) != 0)
        {
            // Units waiting in per-core slices are not used yet.
            used = snapshot.Counters.Used(ordinal);
        }

        if (gate.Deny != EntitlementReason.WithinLimit)
        {
            return Denied(snapshot, gate, used);
        }

        // Limit and usage are never negative, so these cannot overflow.
        return amount > unchecked(gate.Limit - used) ? Exceeded(snapshot, gate.Limit, used) : Allowed(snapshot, gate.Limit, unchecked(used + amount));
    }

    /// <summary>Counts <paramref name="amount"/> units if the effective limit allows them, atomically.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; when allowed, the units are counted and <see cref="EntitlementDecision.Remaining"/> is
    /// what is left (while other threads consume the same metric at once, it may leave out units waiting in their
    /// cores' slices, so it is never more than what is left).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision TryConsume(Metric metric, long amount)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (amount < 0)
        {
            return EntitlementDecision.Deny(EntitlementReason.InvalidAmount);
        }

        var slots = Volatile.Read(ref _slots);
        var snapshot = Current();
        if (!ReferenceEquals(snapshot.Slots, slots))
        {
            slots = SlotsOf(snapshot);
        }

        var ordinal = metric.Ordinal;
        if ((uint)ordinal >= (uint)snapshot.MetricCount)
        {
            return EntitlementDecision.Deny(EntitlementReason.MetricNotInPlan);
        }

        // The uncontended fast path: one compare-exchange on the used slot. It is safe whatever the slices hold (the
        // used slot counts their units too, so it never understates usage); anything else takes the slow path.
        var gate = snapshot.GateAt(ordinal);
        var index = UsageCounters.UsedIndex(ordinal);
        var used = Volatile.Read(ref slots[index]);
        if (slots[UsageCounters.SlicedIndex] == 0 && used >= 0 && gate.Deny == EntitlementReason.WithinLimit && amount <= unchecked(gate.Limit - used))
        {
            var after = unchecked(used + amount);
            if ((after <= Volatile.Read(ref slots[index + 1]) || gate.Limit == long.MaxValue)
                && Interlocked.CompareExchange(ref slots[index], after, used) == used)
            {
                return Allowed(snapshot, gate.Limit, after);
            }
        }

        return ConsumeSlow(snapshot, metric, gate, amount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntitlementDecision ConsumeSlow(ResolvedEntitlements snapshot, Metric metric, MetricGate gate, long amount) =>
        Volatile.Read(ref snapshot.Slots[UsageCounters.SlicedIndex]) != 0 && amount != 0 && gate.Deny == EntitlementReason.WithinLimit && metric.Kind == MetricKind.Counter
            ? ConsumeFromSlice(snapshot, metric, gate.Limit, amount)
            : ConsumeShared(snapshot, metric, gate, amount, drained: false);

    /// <summary>Lowers a gauge's level by <paramref name="amount"/> units (never below zero), for example when a
    /// webhook endpoint is deleted. Allowed whatever the access level.</summary>
    /// <param name="metric">A gauge metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision (<see cref="EntitlementReason.Released"/>), with the limit and what remains after the release.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision Release(Metric metric, long amount)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (amount < 0)
        {
            return EntitlementDecision.Deny(EntitlementReason.InvalidAmount);
        }

        if (metric.Kind != MetricKind.Gauge)
        {
            return EntitlementDecision.Deny(EntitlementReason.NotAGauge);
        }

        var snapshot = Current();
        var ordinal = metric.Ordinal;
        if ((uint)ordinal >= (uint)snapshot.Metrics.Length)
        {
            return EntitlementDecision.Deny(EntitlementReason.MetricNotInPlan);
        }

        var index = UsageCounters.UsedIndex(ordinal);
        while (true)
        {
            var used = Volatile.Read(ref snapshot.Slots[index]);
            if (used < 0)
            {
                snapshot = WaitForHandOver();
                continue;
            }

            var after = amount >= used ? 0 : used - amount;
            if (Interlocked.CompareExchange(ref snapshot.Slots[index], after, used) == used)
            {
                var limit = snapshot.Metrics[ordinal].Limit;
                return new EntitlementDecision(true, EntitlementReason.Released, snapshot.IsWarned, limit, Remaining(limit, after));
            }
        }
    }

    /// <summary>Tells whether a feature is on for the tenant now: its value (override, else plan) is enabled and the
    /// access level does not deny it.</summary>
    /// <param name="feature">The feature.</param>
    /// <returns><see langword="true"/> when enabled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public bool IsEnabled(Feature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var enabled = Volatile.Read(ref _current).Enabled;
        var ordinal = (uint)feature.Ordinal;
        return ordinal < (uint)enabled.Length && enabled[ordinal];
    }

    /// <summary>Gets a feature's value (override, else plan), such as a seat count, whatever the access level.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="value">The value when the plan or an override gives one.</param>
    /// <returns><see langword="true"/> when the plan or an override gives the feature a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public bool TryGetFeatureValue(Feature feature, out FeatureValue value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var values = Volatile.Read(ref _current).FeatureValues;
        var ordinal = (uint)feature.Ordinal;
        if (ordinal < (uint)values.Length && values[ordinal] is { } found)
        {
            value = found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Gets the units used in the current usage period (counters) or held now (gauges).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The usage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public long GetUsage(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Current().Counters.Used(metric.Ordinal);
    }

    /// <summary>Gets whether the current counters use per-core slices (contention switched them on).</summary>
    internal bool SlicesOn => Volatile.Read(ref _current).Counters.Stripes is not null;

    /// <summary>Switches the current counters to per-core slices now, as contention would; for tests.</summary>
    internal void SwitchOnSlices()
    {
        lock (_sync)
        {
            _current.Counters.EnableStripes();
        }
    }

    /// <summary>Explains the decision for one more unit of a metric now.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The explanation.</returns>
    internal MetricExplanation Explain(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        TenantEntitlements config;
        Plan plan;
        lock (_sync)
        {
            config = _config;
            plan = _plan;
        }

        var snapshot = Current();
        var now = _time.Now();
        var active = config.GraceAllowances.Where(g => ReferenceEquals(g.Metric, metric) && g.IsActiveAt(now)).OrderBy(g => g.ExpiresAt).ToList();
        return new MetricExplanation(
            Tenant,
            metric,
            now,
            plan.Id,
            plan.Quotas.TryGetValue(metric, out var planQuota) ? planQuota : null,
            config.QuotaOverrides.GetValueOrDefault(metric),
            active,
            EntitlementResolver.EffectiveLimit(config, plan, metric, now),
            snapshot.Counters.Used(metric.Ordinal),
            snapshot.Period,
            snapshot.Access,
            Check(metric, 1));
    }

    /// <summary>Takes a new configuration: re-resolves and swaps the snapshot, keeping the usage counters.</summary>
    /// <param name="config">The tenant's configuration.</param>
    /// <param name="plan">Its plan.</param>
    internal void Apply(TenantEntitlements config, Plan plan)
    {
        lock (_sync)
        {
            _config = config;
            _plan = plan;
            Publish(EntitlementResolver.Resolve(config, plan, _time.Now(), _gate.Policy));
        }
    }

    private static long Remaining(long limit, long used) =>
        limit == long.MaxValue ? long.MaxValue : Math.Max(0, limit - used);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static EntitlementDecision Allowed(ResolvedEntitlements snapshot, long limit, long usedAfter) =>
        limit == long.MaxValue
            ? new EntitlementDecision(true, EntitlementReason.Unlimited, snapshot.IsWarned, limit, long.MaxValue)
            : new EntitlementDecision(true, EntitlementReason.WithinLimit, snapshot.IsWarned, limit, limit - usedAfter);

    private static EntitlementDecision Exceeded(ResolvedEntitlements snapshot, long limit, long used) =>
        new(false, EntitlementReason.QuotaExceeded, snapshot.IsWarned, limit, Remaining(limit, used));

    private static EntitlementDecision Denied(ResolvedEntitlements snapshot, MetricGate gate, long used) =>
        new(false, gate.Deny, snapshot.IsWarned, gate.Limit, gate.Deny == EntitlementReason.MetricNotInPlan ? 0 : Remaining(gate.Limit, used));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ResolvedEntitlements Current()
    {
        var snapshot = Volatile.Read(ref _current);
        if (_coarse)
        {
            // One memory load and one comparison: the snapshot carries the tick count until which it is valid, and
            // the ticker's copy of the tick count is never ahead of the tick count.
            return snapshot.IsFreshAt(CoarseTicker.Milliseconds) ? snapshot : CurrentAt(snapshot);
        }

        var now = _time.NowTicks();
        return now < snapshot.ValidUntilTicks ? snapshot : Advance(snapshot, now);
    }

    /// <summary>The coarse clock's slow path, at most once a second per snapshot and at each expiry: reads the tick
    /// count itself, derives the instant, moves past an expiry if needed, and extends the snapshot's deadline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResolvedEntitlements CurrentAt(ResolvedEntitlements snapshot)
    {
        var milliseconds = Environment.TickCount64;
        var now = _time.NowTicks(milliseconds);
        if (now >= snapshot.ValidUntilTicks)
        {
            snapshot = Advance(snapshot, now);
        }

        snapshot.ExtendCoarseDeadline(milliseconds, now);
        return snapshot;
    }

    /// <summary>Moves past an expiry: to the snapshot resolved in advance for the new stretch of time when there is
    /// one (no allocation), else (a new usage period) re-resolves.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResolvedEntitlements Advance(ResolvedEntitlements snapshot, long now)
    {
        while (true)
        {
            var next = snapshot.Next;
            while (next is not null && now >= next.ValidUntilTicks)
            {
                next = next.Next;
            }

            if (next is null)
            {
                return Refresh(now);
            }

            var seen = Interlocked.CompareExchange(ref _current, next, snapshot);
            if (ReferenceEquals(seen, snapshot))
            {
                return next;
            }

            snapshot = seen;
            if (now < snapshot.ValidUntilTicks)
            {
                return snapshot;
            }
        }
    }

    private ResolvedEntitlements Refresh(long now)
    {
        lock (_sync)
        {
            var current = _current;
            if (now < current.ValidUntilTicks)
            {
                return current;
            }

            Publish(EntitlementResolver.Resolve(_config, _plan, Instant.FromUnixTimeTicks(now), _gate.Policy));
            return _current;
        }
    }

    /// <summary>Attaches counters to a new snapshot and publishes it; called under <see cref="_sync"/>.</summary>
    private void Publish(ResolvedEntitlements snapshot)
    {
        var counters = _current.Counters;

        // Units in per-core slices were reserved under the old limits: give them back first.
        counters.DrainAll();
        if (counters.Period != snapshot.Period || counters.Capacity < snapshot.Metrics.Length)
        {
            counters = counters.Successor(snapshot.Metrics.Length, snapshot.Period);
        }

        snapshot.Attach(counters);
        Volatile.Write(ref _current, snapshot);
        Volatile.Write(ref _slots, counters.Slots);
    }

    /// <summary>Consumes from the shared used slot with a compare-exchange loop: the uncontended path, and the exact
    /// path under the lock (<paramref name="drained"/>) once the metric's slices are drained.</summary>
    private EntitlementDecision ConsumeShared(ResolvedEntitlements snapshot, Metric metric, MetricGate gate, long amount, bool drained)
    {
        var slots = snapshot.Slots;
        var index = UsageCounters.UsedIndex(metric.Ordinal);
        while (true)
        {
            var used = Volatile.Read(ref slots[index]);
            if (used < 0)
            {
                return ConsumeAfterHandOver(metric, amount);
            }

            if (gate.Deny != EntitlementReason.WithinLimit)
            {
                return Denied(snapshot, gate, Usage(snapshot, metric.Ordinal, used));
            }

            if (amount > gate.Limit - used)
            {
                // With slices on, the used slot also counts units waiting in slices: drain them and decide exactly.
                return !drained && Volatile.Read(ref slots[UsageCounters.SlicedIndex]) != 0 && metric.Kind == MetricKind.Counter
                    ? RefillSlice(snapshot, metric, gate.Limit, amount)
                    : Exceeded(snapshot, gate.Limit, used);
            }

            var after = used + amount;
            if (after > Volatile.Read(ref slots[index + 1]) && gate.Limit != long.MaxValue)
            {
                return ConsumeBeyondLease(snapshot, metric, amount, gate.Limit, after);
            }

            if (Interlocked.CompareExchange(ref slots[index], after, used) == used)
            {
                return Allowed(snapshot, gate.Limit, after);
            }

            if (!drained && metric.Kind == MetricKind.Counter)
            {
                return EnableSlices(snapshot, metric, amount);
            }
        }
    }

    /// <summary>The contended path: takes the units from this core's slice, with a compare-exchange that other cores
    /// do not contend for.</summary>
    private EntitlementDecision ConsumeFromSlice(ResolvedEntitlements snapshot, Metric metric, long limit, long amount)
    {
        var counters = snapshot.Counters;
        var stripes = counters.Stripes!;
        var at = counters.StripeIndex(Thread.GetCurrentProcessorId(), metric.Ordinal);
        while (true)
        {
            var available = Volatile.Read(ref stripes[at]);
            if (available < amount)
            {
                return RefillSlice(snapshot, metric, limit, amount);
            }

            if (Interlocked.CompareExchange(ref stripes[at], available - amount, available) == available)
            {
                var used = Volatile.Read(ref snapshot.Slots[UsageCounters.UsedIndex(metric.Ordinal)]);
                used = used < 0 ? ~used : used;
                return Allowed(snapshot, limit, Math.Min(limit, used - (available - amount)));
            }
        }
    }

    /// <summary>Switches the counters to per-core slices after a compare-exchange lost to another thread, then retries.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntitlementDecision EnableSlices(ResolvedEntitlements snapshot, Metric metric, long amount)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_current.Counters, snapshot.Counters))
            {
                snapshot.Counters.EnableStripes();
            }
        }

        return TryConsume(metric, amount);
    }

    /// <summary>The slice's slow path, under the lock: reserves a batch for this core's slice (within the lowest limit
    /// left in the snapshot chain and the lease) and counts the units at once; when there is no room for that, drains
    /// the metric's slices and decides exactly on the used slot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntitlementDecision RefillSlice(ResolvedEntitlements snapshot, Metric metric, long limit, long amount)
    {
        lock (_sync)
        {
            var counters = snapshot.Counters;
            var ordinal = metric.Ordinal;
            var index = UsageCounters.UsedIndex(ordinal);
            var used = Volatile.Read(ref counters.Slots[index]);
            if (ReferenceEquals(_current, snapshot) && used >= 0)
            {
                var cap = limit == long.MaxValue ? long.MaxValue : Math.Min(snapshot.Floors[ordinal], Volatile.Read(ref counters.Slots[index + 1]));
                var room = cap - used;
                if (amount <= room)
                {
                    var share = Math.Min(MaxSliceBatch, (room - amount) / (4L * counters.StripeCount));
                    if (counters.TryReserve(ordinal, Thread.GetCurrentProcessorId(), amount + share, amount, cap, out var usedAfter))
                    {
                        return Allowed(snapshot, limit, Math.Min(limit, usedAfter - share));
                    }
                }

                counters.Drain(ordinal);
                return ConsumeShared(snapshot, metric, snapshot.Metrics[ordinal], amount, drained: true);
            }
        }

        return TryConsume(metric, amount);
    }

    /// <summary>Gets a snapshot's slots when they are not the ones read beside it (the counters were just replaced); a
    /// call rather than a conditional move, so the processor fetches the counters before the snapshot arrives.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long[] SlotsOf(ResolvedEntitlements snapshot) => snapshot.Slots;

    private static long Usage(ResolvedEntitlements snapshot, int ordinal, long used) =>
        Volatile.Read(ref snapshot.Slots[UsageCounters.SlicedIndex]) != 0 ? snapshot.Counters.Used(ordinal) : used;

    private ResolvedEntitlements WaitForHandOver()
    {
        lock (_sync)
        {
            return _current;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntitlementDecision ConsumeAfterHandOver(Metric metric, long amount)
    {
        WaitForHandOver();
        return TryConsume(metric, amount);
    }

    /// <summary>The slow path when the local lease does not cover the consumption: lease more from the store, then
    /// try again from the top (the counters may have been handed over meanwhile).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EntitlementDecision ConsumeBeyondLease(ResolvedEntitlements snapshot, Metric metric, long amount, long limit, long after)
    {
        lock (_sync)
        {
            var slots = snapshot.Slots;
            var leasedIndex = UsageCounters.UsedIndex(metric.Ordinal) + 1;
            var leased = Volatile.Read(ref slots[leasedIndex]);
            if (ReferenceEquals(_current.Counters, snapshot.Counters) && after > leased)
            {
                if (_leaseInFlight)
                {
                    return new EntitlementDecision(false, EntitlementReason.LeaseUnavailable, snapshot.IsWarned, limit, Remaining(limit, after - amount));
                }

                var requested = Math.Max(after - leased, Math.Min(_gate.LeaseBatch, limit - leased));
                var key = new QuotaLeaseKey(Tenant, metric.Key, metric.Kind == MetricKind.Gauge ? Instant.MinValue : snapshot.Period.Start);
                var grant = _gate.Leases.AcquireAsync(key, requested, limit);
                if (!grant.IsCompletedSuccessfully)
                {
                    _leaseInFlight = true;
                    _ = AwaitLeaseAsync(grant, snapshot.Counters, leasedIndex);
                    return new EntitlementDecision(false, EntitlementReason.LeaseUnavailable, snapshot.IsWarned, limit, Remaining(limit, after - amount));
                }

                var granted = grant.Result;
                Interlocked.Add(ref slots[leasedIndex], granted);
                if (after > leased + granted)
                {
                    return Exceeded(snapshot, limit, after - amount);
                }
            }
        }

        return TryConsume(metric, amount);
    }

    private async Task AwaitLeaseAsync(ValueTask<long> grant, UsageCounters counters, int leasedIndex)
    {
        try
        {
            var granted = await grant.ConfigureAwait(false);
            lock (_sync)
            {
                Interlocked.Add(ref counters.Slots[leasedIndex], granted);
            }
        }
        finally
        {
            lock (_sync)
            {
                _leaseInFlight = false;
            }
        }
    }
}
