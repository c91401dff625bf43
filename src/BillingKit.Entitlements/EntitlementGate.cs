using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// The hot-path gate: answers "may this tenant use one more?" on every request, lock-free and without allocating.
/// It holds one <see cref="EntitlementHandle"/> per tenant (an immutable resolved snapshot beside interlocked usage
/// counters), kept current by <see cref="EntitlementService"/>.
/// </summary>
/// <remarks>
/// <para>Calls by <see cref="TenantId"/> look the tenant up first (a hash lookup); when serving many requests for
/// one tenant, get its handle once with <see cref="GetHandle"/> and call the handle.</para>
/// <para>On the hot path, bad input is answered with a denied decision, not an exception: an unknown tenant
/// (<see cref="EntitlementReason.UnknownTenant"/>), an undefined metric key (<see cref="EntitlementReason.UnknownMetric"/>),
/// a negative amount (<see cref="EntitlementReason.InvalidAmount"/>); <see cref="IsEnabled"/> answers
/// <see langword="false"/> for an unknown tenant. Only null arguments throw.</para>
/// <para>Register one gate per process (the DI registration does). Thread-safe.</para>
/// </remarks>
public sealed class EntitlementGate
{
    private readonly TenantTable _handles = new();

    /// <summary>Creates a gate.</summary>
    /// <param name="clock">The clock; NodaTime's system clock is read through a cheap tick count (see
    /// <see cref="EntitlementHandle"/>), any other clock exactly.</param>
    /// <param name="leases">The usage store that grants quota leases.</param>
    /// <param name="options">The options: plans and what limited access denies.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public EntitlementGate(IClock clock, IQuotaLeaseStore leases, IOptions<EntitlementOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new EntitlementOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EntitlementOptions), validation.Failures);
        }

        Time = new GateClock(clock);
        Leases = leases;
        LeaseBatch = value.LeaseBatchSize;
        Policy = new AccessPolicy(value.LimitedMetrics, value.LimitedFeatures);
        Plans = value.Plans.ToFrozenDictionary(p => p.Id);
    }

    /// <summary>Gets the number of tenants the gate holds.</summary>
    public int TenantCount => _handles.Count;

    internal GateClock Time { get; }

    internal IQuotaLeaseStore Leases { get; }

    internal long LeaseBatch { get; }

    internal AccessPolicy Policy { get; }

    internal FrozenDictionary<PlanId, Plan> Plans { get; }

    /// <summary>Gets a tenant's handle, to check and consume without looking the tenant up each time.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The handle; it stays current as the tenant's entitlements change.</returns>
    /// <exception cref="UnknownTenantException">The gate holds no entitlements for the tenant.</exception>
    public EntitlementHandle GetHandle(TenantId tenant) =>
        _handles.Find(tenant) ?? throw new UnknownTenantException(tenant);

    /// <summary>Gets a tenant's handle if the gate holds the tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="handle">The handle when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetHandle(TenantId tenant, [NotNullWhen(true)] out EntitlementHandle? handle)
    {
        handle = _handles.Find(tenant);
        return handle is not null;
    }

    /// <summary>Tells whether a tenant may use <paramref name="amount"/> more units now, without counting them.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; <see cref="EntitlementReason.UnknownTenant"/> when the gate does not hold the tenant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision Check(TenantId tenant, Metric metric, long amount) =>
        _handles.Find(tenant) is { } handle ? handle.Check(metric, amount) : EntitlementDecision.Deny(EntitlementReason.UnknownTenant);

    /// <summary>Tells whether a tenant may use <paramref name="amount"/> more units of a metric given by key.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metricKey">The metric's key, such as <c>attestations.mint</c>.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; <see cref="EntitlementReason.UnknownMetric"/> when no metric has that key.</returns>
    public EntitlementDecision Check(TenantId tenant, string metricKey, long amount) =>
        Metric.TryGet(metricKey, out var metric) ? Check(tenant, metric, amount) : EntitlementDecision.Deny(EntitlementReason.UnknownMetric);

    /// <summary>Counts <paramref name="amount"/> units for a tenant if its effective limit allows them, atomically.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; <see cref="EntitlementReason.UnknownTenant"/> when the gate does not hold the tenant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision TryConsume(TenantId tenant, Metric metric, long amount) =>
        _handles.Find(tenant) is { } handle ? handle.TryConsume(metric, amount) : EntitlementDecision.Deny(EntitlementReason.UnknownTenant);

    /// <summary>Counts units of a metric given by key if the effective limit allows them, atomically.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metricKey">The metric's key.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; <see cref="EntitlementReason.UnknownMetric"/> when no metric has that key.</returns>
    public EntitlementDecision TryConsume(TenantId tenant, string metricKey, long amount) =>
        Metric.TryGet(metricKey, out var metric) ? TryConsume(tenant, metric, amount) : EntitlementDecision.Deny(EntitlementReason.UnknownMetric);

    /// <summary>Lowers a tenant's gauge by <paramref name="amount"/> units, never below zero.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="metric">A gauge metric.</param>
    /// <param name="amount">The units, zero or more.</param>
    /// <returns>The decision; see <see cref="EntitlementHandle.Release"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public EntitlementDecision Release(TenantId tenant, Metric metric, long amount) =>
        _handles.Find(tenant) is { } handle ? handle.Release(metric, amount) : EntitlementDecision.Deny(EntitlementReason.UnknownTenant);

    /// <summary>Tells whether a feature is on for a tenant now.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="feature">The feature.</param>
    /// <returns><see langword="true"/> when enabled; <see langword="false"/> for an unknown tenant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    public bool IsEnabled(TenantId tenant, Feature feature) => _handles.Find(tenant) is { } handle && handle.IsEnabled(feature);

    /// <summary>Takes a tenant's committed configuration: creates its handle or updates it, keeping usage.</summary>
    /// <param name="config">The configuration.</param>
    /// <exception cref="UnknownPlanException">The configuration names a plan that is not registered.</exception>
    internal void Apply(TenantEntitlements config)
    {
        var plan = RequirePlan(config.Plan);
        if (_handles.Find(config.Tenant) is { } handle)
        {
            handle.Apply(config, plan);
            return;
        }

        var created = new EntitlementHandle(this, config, plan);
        var held = _handles.GetOrAdd(created);
        if (!ReferenceEquals(held, created))
        {
            held.Apply(config, plan);
        }
    }

    internal Plan RequirePlan(PlanId plan) => Plans.TryGetValue(plan, out var found) ? found : throw new UnknownPlanException(plan);
}
