using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>A tenant's quota for one metric that replaces the plan's until it is removed.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Quota">The quota that replaces the plan's.</param>
/// <param name="Reason">Why it was set, for people reading it later.</param>
/// <param name="SetAt">When it was set.</param>
public sealed record QuotaOverride(Metric Metric, Quota Quota, string Reason, Instant SetAt);
