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
/// with a compare-exchange loop against the effective limit, so any number of threads never exceed a limit by a
/// single unit; admin changes swap an immutable snapshot and keep the counters, so no usage is lost.</para>
/// <para>Misuse on the hot path is answered with a denied decision rather than an exception: a negative amount
/// (<see cref="EntitlementReason.InvalidAmount"/>), a metric outside the tenant's entitlements
/// (<see cref="EntitlementReason.MetricNotInPlan"/>), a release on a counter (<see cref="EntitlementReason.NotAGauge"/>).
/// Only a null metric or feature throws.</para>
/// <para>Grace allowances and usage periods expire when the gate's time passes their instant. With NodaTime's
/// system clock, that time comes from <see cref="Environment.TickCount64"/> recalibrated every second, so an expiry
/// is seen at most one tick late (1 to 16 ms depending on the operating system); with any other clock it is exact.</para>
/// </remarks>
public sealed class EntitlementHandle
{
    private readonly EntitlementGate _gate;
    private readonly GateClock _time;
    private readonly Lock _sync = new();
    private ResolvedEntitlements _current;
    private TenantEntitlements _config;
    private Plan _plan;
    private bool _leaseInFlight;

    internal EntitlementHandle(EntitlementGate gate, TenantEntitlements config, Plan plan)
    {
        _gate = gate;
        _time = gate.Time;
        Tenant = config.Tenant;
        _config = config;
        _plan = plan;
        var snapshot = EntitlementResolver.Resolve(config, plan, _time.Now(), gate.Policy);
        snapshot.Attach(new UsageCounters(snapshot.Metrics.Length, snapshot.Period));
        _current = snapshot;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

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

        var snapshot = Current();
        var ordinal = metric.Ordinal;
        var gates = snapshot.Metrics;
        if ((uint)ordinal >= (uint)gates.Length)
        {
            return EntitlementDecision.Deny(EntitlementReason.MetricNotInPlan);
        }

        var gate = gates[ordinal];
        var used = Volatile.Read(ref snapshot.Slots[UsageCounters.UsedIndex(ordinal)]);
        used = used < 0 ? ~used : used;
        if (gate.Deny != EntitlementReason.WithinLimit)
        {
            return Denied(snapshot, gate, used);
        }

        return amount > gate.Limit - used ? Exceeded(snapshot, gate.Limit, used) : Allowed(snapshot, gate.Limit, used + amount);
    }

    /// <summary>Counts <paramref name="amount"/> units if the effective limit allows them, atomically.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; when allowed, the units are counted and <see cref="EntitlementDecision.Remaining"/> is what is left.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision TryConsume(Metric metric, long amount)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (amount < 0)
        {
            return EntitlementDecision.Deny(EntitlementReason.InvalidAmount);
        }

        var snapshot = Current();
        var ordinal = metric.Ordinal;
        var gates = snapshot.Metrics;
        if ((uint)ordinal >= (uint)gates.Length)
        {
            return EntitlementDecision.Deny(EntitlementReason.MetricNotInPlan);
        }

        var gate = gates[ordinal];
        var slots = snapshot.Slots;
        var index = UsageCounters.UsedIndex(ordinal);
        while (true)
        {
            var used = Volatile.Read(ref slots[index]);
            if (used < 0)
            {
                return ConsumeAfterHandOver(metric, amount);
            }

            if (gate.Deny != EntitlementReason.WithinLimit)
            {
                return Denied(snapshot, gate, used);
            }

            if (amount > gate.Limit - used)
            {
                return Exceeded(snapshot, gate.Limit, used);
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
        }
    }

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
        var now = _time.NowTicks();
        return now < snapshot.ValidUntilTicks ? snapshot : Advance(snapshot, now);
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
        if (counters.Period != snapshot.Period || counters.Capacity < snapshot.Metrics.Length)
        {
            counters = counters.Successor(snapshot.Metrics.Length, snapshot.Period);
        }

        snapshot.Attach(counters);
        Volatile.Write(ref _current, snapshot);
    }

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
