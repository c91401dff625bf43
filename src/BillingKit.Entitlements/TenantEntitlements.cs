using System.Collections.Immutable;
using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// Everything configured for one tenant's entitlements: the plan, the billing-cycle anchor that usage periods follow,
/// overrides, grace allowances and the access level decided by dunning. Immutable; this is what the store keeps.
/// </summary>
/// <remarks>Counter metrics reset at the start of each usage period: the periods laid out by
/// <see cref="BillingCalendar"/> from <see cref="CycleAnchor"/> at <see cref="UsageFrequency"/>, starting at midnight
/// in <see cref="Zone"/>.</remarks>
public sealed record TenantEntitlements
{
    /// <summary>Creates a tenant's configuration on a plan, with no overrides, no grace and full access.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="plan">The plan's id.</param>
    /// <param name="cycleAnchor">The billing-cycle anchor date.</param>
    /// <param name="zone">The tenant's time zone, where usage periods start at midnight.</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> or <paramref name="plan"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public TenantEntitlements(TenantId tenant, PlanId plan, LocalDate cycleAnchor, DateTimeZone zone)
    {
        if (tenant.Value.Length == 0)
        {
            throw new ArgumentException("Entitlements need a tenant; default(TenantId) is not one.", nameof(tenant));
        }

        if (plan.Value.Length == 0)
        {
            throw new ArgumentException("Entitlements need a plan; default(PlanId) is not one.", nameof(plan));
        }

        ArgumentNullException.ThrowIfNull(zone);
        Tenant = tenant;
        Plan = plan;
        CycleAnchor = cycleAnchor;
        Zone = zone;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the plan's id.</summary>
    public PlanId Plan { get; init; }

    /// <summary>Gets the billing-cycle anchor date from which usage periods are laid out.</summary>
    public LocalDate CycleAnchor { get; init; }

    /// <summary>Gets the tenant's time zone.</summary>
    public DateTimeZone Zone { get; init; }

    /// <summary>Gets the length of a usage period.</summary>
    /// <value>Defaults to <see cref="BillingFrequency.Monthly"/>.</value>
    public BillingFrequency UsageFrequency { get; init; } = BillingFrequency.Monthly;

    /// <summary>Gets the access level decided by dunning.</summary>
    /// <value>Defaults to <see cref="AccessLevel.Full"/>.</value>
    public AccessLevel AccessLevel { get; init; } = AccessLevel.Full;

    /// <summary>Gets the quota overrides, by metric.</summary>
    public ImmutableDictionary<Metric, QuotaOverride> QuotaOverrides { get; init; } = ImmutableDictionary<Metric, QuotaOverride>.Empty;

    /// <summary>Gets the feature overrides, by feature.</summary>
    public ImmutableDictionary<Feature, FeatureOverride> FeatureOverrides { get; init; } = ImmutableDictionary<Feature, FeatureOverride>.Empty;

    /// <summary>Gets the grace allowances, active or not yet pruned.</summary>
    public ImmutableList<GraceAllowance> GraceAllowances { get; init; } = ImmutableList<GraceAllowance>.Empty;

    /// <summary>Gets the usage period that contains an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The period's start (inclusive) and end (exclusive).</returns>
    public Interval UsagePeriodAt(Instant now)
    {
        var period = BillingCalendar.PeriodContaining(CycleAnchor, UsageFrequency, now.InZone(Zone).Date);
        return new Interval(period.Start.AtStartOfDayInZone(Zone).ToInstant(), period.End.AtStartOfDayInZone(Zone).ToInstant());
    }
}
