using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// The pure resolution of a tenant's entitlements: configuration, plan and an instant in, an immutable snapshot out.
/// No I/O, no clock; what the property tests hammer.
/// </summary>
internal static class EntitlementResolver
{
    /// <summary>
    /// The definition: the override's quota, else the plan's, plus every grace allowance on the metric that is active
    /// at <paramref name="now"/>. A metric with neither a plan quota nor an override starts from zero when a grace
    /// allowance is active, and is not part of the tenant's entitlements otherwise.
    /// </summary>
    /// <param name="config">The tenant's configuration.</param>
    /// <param name="plan">The tenant's plan.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The effective limit, or <see langword="null"/> when the metric is not part of the entitlements.</returns>
    internal static Quota? EffectiveLimit(TenantEntitlements config, Plan plan, Metric metric, Instant now)
    {
        Quota? baseQuota = config.QuotaOverrides.TryGetValue(metric, out var quotaOverride)
            ? quotaOverride.Quota
            : plan.Quotas.TryGetValue(metric, out var planQuota) ? planQuota : null;
        var extra = 0L;
        var anyGrace = false;
        foreach (var grace in config.GraceAllowances)
        {
            if (ReferenceEquals(grace.Metric, metric) && grace.IsActiveAt(now))
            {
                extra = extra > long.MaxValue - grace.ExtraUnits ? long.MaxValue : extra + grace.ExtraUnits;
                anyGrace = true;
            }
        }

        if (baseQuota is null && !anyGrace)
        {
            return null;
        }

        return (baseQuota ?? default).Plus(extra);
    }

    /// <summary>Resolves the snapshot valid at <paramref name="now"/>, chained to the ones that follow it until the
    /// end of the usage period.</summary>
    /// <param name="config">The tenant's configuration.</param>
    /// <param name="plan">The tenant's plan (the one <paramref name="config"/> names).</param>
    /// <param name="now">The instant.</param>
    /// <param name="policy">What limited access denies.</param>
    /// <returns>The snapshot, without counters.</returns>
    internal static ResolvedEntitlements Resolve(TenantEntitlements config, Plan plan, Instant now, AccessPolicy policy)
    {
        var period = config.UsagePeriodAt(now);
        var boundaries = new SortedSet<Instant>();
        foreach (var grace in config.GraceAllowances)
        {
            AddBoundary(boundaries, grace.GrantedAt, now, period.End);
            AddBoundary(boundaries, grace.ExpiresAt, now, period.End);
        }

        var (enabled, values) = ResolveFeatures(config, plan, policy);
        var metricCount = Metric.Count;
        var starts = boundaries.ToArray();
        ResolvedEntitlements? next = null;
        for (var i = starts.Length - 1; i >= -1; i--)
        {
            var from = i < 0 ? now : starts[i];
            var until = i + 1 < starts.Length ? starts[i + 1] : period.End;
            next = new ResolvedEntitlements(ResolveMetrics(config, plan, from, policy, metricCount), enabled, values, config.AccessLevel, period, from, until, next);
        }

        return next!;
    }

    private static void AddBoundary(SortedSet<Instant> boundaries, Instant at, Instant now, Instant periodEnd)
    {
        if (at > now && at < periodEnd)
        {
            boundaries.Add(at);
        }
    }

    private static MetricGate[] ResolveMetrics(TenantEntitlements config, Plan plan, Instant at, AccessPolicy policy, int metricCount)
    {
        var gates = new MetricGate[metricCount];
        for (var ordinal = 0; ordinal < gates.Length; ordinal++)
        {
            var metric = Metric.At(ordinal);
            var limit = EffectiveLimit(config, plan, metric, at);
            var deny = config.AccessLevel switch
            {
                AccessLevel.Blocked => EntitlementReason.AccessBlocked,
                AccessLevel.Limited when policy.LimitedMetrics.Contains(metric.Key) => EntitlementReason.AccessLimited,
                _ when limit is null => EntitlementReason.MetricNotInPlan,
                _ => EntitlementReason.WithinLimit,
            };
            gates[ordinal] = new MetricGate(limit?.Limit ?? 0, deny);
        }

        return gates;
    }

    private static (bool[] Enabled, FeatureValue?[] Values) ResolveFeatures(TenantEntitlements config, Plan plan, AccessPolicy policy)
    {
        var count = Feature.Count;
        var enabled = new bool[count];
        var values = new FeatureValue?[count];
        foreach (var (feature, value) in plan.Features)
        {
            values[feature.Ordinal] = value;
        }

        foreach (var (feature, featureOverride) in config.FeatureOverrides)
        {
            values[feature.Ordinal] = featureOverride.Value;
        }

        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            enabled[ordinal] = values[ordinal] is { IsEnabled: true } && IsAllowed(config.AccessLevel, ordinal, policy);
        }

        return (enabled, values);
    }

    private static bool IsAllowed(AccessLevel access, int featureOrdinal, AccessPolicy policy) => access switch
    {
        AccessLevel.Blocked => false,
        AccessLevel.Limited => !policy.LimitedFeatures.Contains(FeatureKeyAt(featureOrdinal)),
        _ => true,
    };

    private static string FeatureKeyAt(int ordinal) => Feature.At(ordinal).Key;
}
