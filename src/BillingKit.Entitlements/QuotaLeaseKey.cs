using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>What a quota lease is for: one tenant's metric in one usage period.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Metric">The metric's key.</param>
/// <param name="PeriodStart">The start of the usage period for counter metrics; <see cref="Instant.MinValue"/> for
/// gauge metrics, whose level carries over from period to period.</param>
public readonly record struct QuotaLeaseKey(TenantId Tenant, string Metric, Instant PeriodStart);
