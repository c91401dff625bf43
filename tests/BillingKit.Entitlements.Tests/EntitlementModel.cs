using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

/// <summary>The definition of the effective limit, written out independently of the resolver.</summary>
internal static class EntitlementModel
{
    public static readonly Metric[] Metrics = [Metric.Verifications, Metric.AttestationsMint, Metric.WebhookEndpoints, Metric.StorageBytes, Metric.Seats];

    /// <summary>(override, else plan) + the active grace allowances; null when the metric is not part of the entitlements.</summary>
    public static long? Limit(Plan plan, TenantEntitlements config, Metric metric, Instant now)
    {
        long? baseLimit = null;
        if (config.QuotaOverrides.TryGetValue(metric, out var o))
        {
            baseLimit = o.Quota.Limit;
        }
        else if (plan.Quotas.TryGetValue(metric, out var q))
        {
            baseLimit = q.Limit;
        }

        var active = config.GraceAllowances.Where(g => g.Metric == metric && g.GrantedAt <= now && now < g.ExpiresAt).ToList();
        if (baseLimit is null && active.Count == 0)
        {
            return null;
        }

        if (baseLimit == long.MaxValue)
        {
            return long.MaxValue;
        }

        var sum = (decimal)(baseLimit ?? 0) + active.Sum(g => (decimal)g.ExtraUnits);
        return sum >= long.MaxValue ? long.MaxValue : (long)sum;
    }
}
