using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// The entitlements admin: puts tenants on plans, sets and removes overrides, grants and revokes grace allowances,
/// applies the access level decided by dunning, and explains decisions. Every change is validated first (no partial
/// state), staged in a unit of work through <see cref="IEntitlementStore"/>, and reaches the
/// <see cref="EntitlementGate"/> as soon as the unit commits.
/// </summary>
/// <remarks>
/// <para>Each mutating method comes in two forms: one that takes the caller's <see cref="ITenantUnitOfWork"/> (the
/// caller commits it, for example the desk composing several contexts) and one that begins and commits its own.</para>
/// <para>Bad input throws: <see cref="UnknownTenantException"/> for a tenant without a plan, <see cref="UnknownPlanException"/>,
/// <see cref="InvalidFeatureOverrideException"/> for malformed JSON, <see cref="ArgumentOutOfRangeException"/> for
/// zero or negative units or durations, <see cref="ArgumentException"/> for a blank reason. Thread-safe.</para>
/// </remarks>
public sealed class EntitlementService
{
    private readonly IEntitlementStore _store;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly EntitlementGate _gate;
    private readonly DateTimeZone _defaultZone;
    private readonly ConditionalWeakTable<ITenantUnitOfWork, StrongBox<TenantEntitlements>> _publishing = [];

    /// <summary>Creates the service.</summary>
    /// <param name="store">The configuration store.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="clock">The clock that stamps overrides and grace allowances.</param>
    /// <param name="gate">The gate that the changes reach.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EntitlementService(IEntitlementStore store, IUnitOfWorkFactory units, IClock clock, EntitlementGate gate, IOptions<EntitlementOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _units = units;
        _clock = clock;
        _gate = gate;
        _defaultZone = options.Value.DefaultTimeZone;
    }

    /// <summary>Puts the unit's tenant on a plan (creating its entitlements on first use), keeping its usage,
    /// overrides and grace allowances.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="plan">A plan registered in <see cref="EntitlementOptions.Plans"/>.</param>
    /// <param name="cycleAnchor">The billing-cycle anchor from which usage periods are laid out.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tenant's new configuration.</returns>
    /// <exception cref="UnknownPlanException">The plan is not registered.</exception>
    public async ValueTask<TenantEntitlements> SetPlanAsync(ITenantUnitOfWork unit, PlanId plan, LocalDate cycleAnchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        _gate.RequirePlan(plan);
        var current = await _store.GetAsync(unit, cancellationToken).ConfigureAwait(false);
        var next = current is null
            ? new TenantEntitlements(unit.Tenant, plan, cycleAnchor, _defaultZone)
            : current with { Plan = plan, CycleAnchor = cycleAnchor };
        return await SaveAsync(unit, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a tenant on a plan in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="plan">A registered plan.</param>
    /// <param name="cycleAnchor">The billing-cycle anchor.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tenant's new configuration.</returns>
    /// <exception cref="UnknownPlanException">The plan is not registered.</exception>
    public ValueTask<TenantEntitlements> SetPlanAsync(TenantId tenant, PlanId plan, LocalDate cycleAnchor, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => SetPlanAsync(unit, plan, cycleAnchor, cancellationToken), cancellationToken);

    /// <summary>Sets a quota override that replaces the plan's quota for a metric until removed.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="quota">The quota, such as <c>Quota.Of(10_000)</c>.</param>
    /// <param name="reason">Why, for people reading it later.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The override.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public async ValueTask<QuotaOverride> SetQuotaOverrideAsync(ITenantUnitOfWork unit, Metric metric, Quota quota, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        var quotaOverride = new QuotaOverride(metric, quota, reason, _clock.GetCurrentInstant());
        await SaveAsync(unit, current with { QuotaOverrides = current.QuotaOverrides.SetItem(metric, quotaOverride) }, cancellationToken).ConfigureAwait(false);
        return quotaOverride;
    }

    /// <summary>Sets a quota override in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="quota">The quota.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The override.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public ValueTask<QuotaOverride> SetQuotaOverrideAsync(TenantId tenant, Metric metric, Quota quota, string reason, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => SetQuotaOverrideAsync(unit, metric, quota, reason, cancellationToken), cancellationToken);

    /// <summary>Removes a quota override, so the plan's quota applies again.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask<bool> RemoveQuotaOverrideAsync(ITenantUnitOfWork unit, Metric metric, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        if (!current.QuotaOverrides.ContainsKey(metric))
        {
            return false;
        }

        await SaveAsync(unit, current with { QuotaOverrides = current.QuotaOverrides.Remove(metric) }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes a quota override in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public ValueTask<bool> RemoveQuotaOverrideAsync(TenantId tenant, Metric metric, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => RemoveQuotaOverrideAsync(unit, metric, cancellationToken), cancellationToken);

    /// <summary>Sets feature overrides given as a JSON object, such as <c>{"offline_bundles": true, "seat_cap": 10}</c>:
    /// <c>true</c>/<c>false</c> are flags, whole numbers are values, strings are text, and <c>null</c> removes a
    /// feature's override. Features not named keep their overrides.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="json">The JSON object.</param>
    /// <param name="reason">Why, for people reading it later.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tenant's feature overrides after the change.</returns>
    /// <exception cref="InvalidFeatureOverrideException">The JSON is malformed, not an object, or holds an unsupported value.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public async ValueTask<ImmutableDictionary<Feature, FeatureOverride>> SetFeatureOverridesAsync(ITenantUnitOfWork unit, string json, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var values = FeatureOverrideJson.Parse(json);
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var overrides = current.FeatureOverrides;
        foreach (var (feature, value) in values)
        {
            overrides = value is { } set ? overrides.SetItem(feature, new FeatureOverride(feature, set, reason, now)) : overrides.Remove(feature);
        }

        await SaveAsync(unit, current with { FeatureOverrides = overrides }, cancellationToken).ConfigureAwait(false);
        return overrides;
    }

    /// <summary>Sets feature overrides from JSON in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="json">The JSON object.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tenant's feature overrides after the change.</returns>
    /// <exception cref="InvalidFeatureOverrideException">The JSON is malformed, not an object, or holds an unsupported value.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public ValueTask<ImmutableDictionary<Feature, FeatureOverride>> SetFeatureOverridesAsync(TenantId tenant, string json, string reason, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => SetFeatureOverridesAsync(unit, json, reason, cancellationToken), cancellationToken);

    /// <summary>Removes a feature override, so the plan's value applies again.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask<bool> RemoveFeatureOverrideAsync(ITenantUnitOfWork unit, Feature feature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        if (!current.FeatureOverrides.ContainsKey(feature))
        {
            return false;
        }

        await SaveAsync(unit, current with { FeatureOverrides = current.FeatureOverrides.Remove(feature) }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes a feature override in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public ValueTask<bool> RemoveFeatureOverrideAsync(TenantId tenant, Feature feature, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => RemoveFeatureOverrideAsync(unit, feature, cancellationToken), cancellationToken);

    /// <summary>Grants extra units of a metric beyond the limit, from now for <paramref name="durationHours"/> hours.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="extraUnits">The extra units, more than zero.</param>
    /// <param name="durationHours">How long it lasts, in hours, more than zero.</param>
    /// <param name="reason">Why, for people reading it later.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The allowance; keep its id to revoke it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="extraUnits"/> or <paramref name="durationHours"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask<GraceAllowance> GrantGraceAsync(ITenantUnitOfWork unit, Metric metric, long extraUnits, int durationHours, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extraUnits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationHours);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var grace = new GraceAllowance(Guid.NewGuid(), metric, extraUnits, now, now + Duration.FromHours(durationHours), reason);
        await SaveAsync(unit, current with { GraceAllowances = current.GraceAllowances.Add(grace) }, cancellationToken).ConfigureAwait(false);
        return grace;
    }

    /// <summary>Grants a grace allowance in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="extraUnits">The extra units, more than zero.</param>
    /// <param name="durationHours">How long it lasts, in hours, more than zero.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="extraUnits"/> or <paramref name="durationHours"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public ValueTask<GraceAllowance> GrantGraceAsync(TenantId tenant, Metric metric, long extraUnits, int durationHours, string reason, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => GrantGraceAsync(unit, metric, extraUnits, durationHours, reason, cancellationToken), cancellationToken);

    /// <summary>Revokes a grace allowance before it expires.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="graceId">The allowance's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the allowance was still there to revoke.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask<bool> RevokeGraceAsync(ITenantUnitOfWork unit, Guid graceId, CancellationToken cancellationToken = default)
    {
        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        var remaining = current.GraceAllowances.RemoveAll(g => g.Id == graceId);
        if (remaining.Count == current.GraceAllowances.Count)
        {
            return false;
        }

        await SaveAsync(unit, current with { GraceAllowances = remaining }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Revokes a grace allowance in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="graceId">The allowance's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the allowance was still there to revoke.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public ValueTask<bool> RevokeGraceAsync(TenantId tenant, Guid graceId, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, unit => RevokeGraceAsync(unit, graceId, cancellationToken), cancellationToken);

    /// <summary>Applies the access level decided by dunning.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="level">The access level.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the change is staged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask SetAccessLevelAsync(ITenantUnitOfWork unit, AccessLevel level, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Expected Full, Warned, Limited or Blocked.");
        }

        var current = await RequireAsync(unit, cancellationToken).ConfigureAwait(false);
        await SaveAsync(unit, current with { AccessLevel = level }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the access level decided by dunning in a unit of work of its own.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="level">The access level.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the change is committed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask SetAccessLevelAsync(TenantId tenant, AccessLevel level, CancellationToken cancellationToken = default) =>
        await InOwnUnitAsync(
            tenant,
            async unit =>
            {
                await SetAccessLevelAsync(unit, level, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Lists a tenant's grace allowances that count now, soonest expiry first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The active allowances.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask<IReadOnlyList<GraceAllowance>> ListGraceAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var config = await _store.GetAsync(tenant, cancellationToken).ConfigureAwait(false) ?? throw new UnknownTenantException(tenant);
        var now = _clock.GetCurrentInstant();
        return config.GraceAllowances.Where(g => g.IsActiveAt(now)).OrderBy(g => g.ExpiresAt).ToList();
    }

    /// <summary>Gets a tenant's committed configuration.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The configuration, or <see langword="null"/> when the tenant has no plan.</returns>
    public ValueTask<TenantEntitlements?> GetAsync(TenantId tenant, CancellationToken cancellationToken = default) => _store.GetAsync(tenant, cancellationToken);

    /// <summary>Explains the decision for one more unit of a metric now: plan quota, override, each active grace
    /// allowance with its expiry, usage and access level.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="UnknownTenantException">The gate holds no entitlements for the tenant.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public MetricExplanation Explain(TenantId tenant, Metric metric) => _gate.GetHandle(tenant).Explain(metric);

    /// <summary>Loads every tenant's committed configuration into the gate; call it once at start-up when the store
    /// is durable (the in-memory store starts empty).</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The number of tenants loaded.</returns>
    /// <exception cref="UnknownPlanException">A tenant is on a plan that is no longer registered.</exception>
    public async ValueTask<int> LoadAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var config in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            _gate.Apply(config);
            count++;
        }

        return count;
    }

    /// <summary>Reloads one tenant's committed configuration into the gate, for example after another host instance
    /// changed it.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the gate has the configuration.</returns>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    public async ValueTask RefreshAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var config = await _store.GetAsync(unit, cancellationToken).ConfigureAwait(false) ?? throw new UnknownTenantException(tenant);
            _gate.Apply(config);
        }
    }

    private async ValueTask<TenantEntitlements> RequireAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _store.GetAsync(unit, cancellationToken).ConfigureAwait(false) ?? throw new UnknownTenantException(unit.Tenant);
    }

    private async ValueTask<TenantEntitlements> SaveAsync(ITenantUnitOfWork unit, TenantEntitlements config, CancellationToken cancellationToken)
    {
        _gate.RequirePlan(config.Plan);
        var now = _clock.GetCurrentInstant();
        var pruned = config with { GraceAllowances = config.GraceAllowances.RemoveAll(g => g.ExpiresAt <= now) };
        await _store.SaveAsync(unit, pruned, cancellationToken).ConfigureAwait(false);

        // The gate takes the unit's last configuration once, when the unit commits: never an intermediate one,
        // never one that was discarded.
        if (_publishing.TryGetValue(unit, out var latest))
        {
            latest.Value = pruned;
        }
        else
        {
            var box = new StrongBox<TenantEntitlements>(pruned);
            _publishing.Add(unit, box);
            unit.OnCommitted(() => _gate.Apply(box.Value!));
        }

        return pruned;
    }

    private async ValueTask<T> InOwnUnitAsync<T>(TenantId tenant, Func<ITenantUnitOfWork, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var result = await operation(unit).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }
}
