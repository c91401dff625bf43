using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// Why a tenant may or may not use more of a metric at an instant: the plan's quota, the override, each active
/// grace allowance with its expiry, the usage, the access level and the resulting decision for one more unit.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Metric">The metric.</param>
/// <param name="At">The instant explained.</param>
/// <param name="Plan">The tenant's plan.</param>
/// <param name="PlanQuota">The plan's quota for the metric; <see langword="null"/> when the plan does not include it.</param>
/// <param name="Override">The tenant's override for the metric, if any.</param>
/// <param name="ActiveGraceAllowances">The grace allowances that count at <paramref name="At"/>, soonest expiry first.</param>
/// <param name="EffectiveLimit">(Override, else plan) plus the active grace allowances; <see langword="null"/> when the metric is not part of the tenant's entitlements.</param>
/// <param name="Usage">The units used in the current usage period (counters) or held now (gauges).</param>
/// <param name="UsagePeriod">The current usage period (start inclusive, end exclusive).</param>
/// <param name="AccessLevel">The access level decided by dunning.</param>
/// <param name="Decision">What a check of one more unit answers now.</param>
public sealed record MetricExplanation(
    TenantId Tenant,
    Metric Metric,
    Instant At,
    PlanId Plan,
    Quota? PlanQuota,
    QuotaOverride? Override,
    IReadOnlyList<GraceAllowance> ActiveGraceAllowances,
    Quota? EffectiveLimit,
    long Usage,
    Interval UsagePeriod,
    AccessLevel AccessLevel,
    EntitlementDecision Decision);
