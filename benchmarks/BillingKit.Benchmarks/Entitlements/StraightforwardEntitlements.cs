namespace BillingKit.Benchmarks.Entitlements;

/// <summary>
/// The baseline: the straightforward implementation a team writes first. Lists and LINQ, DateTime.UtcNow, one lock,
/// usage in a dictionary keyed "tenant:metric".
/// </summary>
internal sealed class StraightforwardEntitlements
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StraightforwardTenant> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _usage = new(StringComparer.Ordinal);

    public void Add(string tenant, IEnumerable<(string Metric, long Limit)> quotas, IEnumerable<string> features)
    {
        lock (_lock)
        {
            _tenants[tenant] = new StraightforwardTenant(
                quotas.Select(q => new StraightforwardQuota(q.Metric, q.Limit)).ToList(),
                features.ToList(),
                []);
        }
    }

    public void Grant(string tenant, string metric, long extra, DateTime expiresUtc)
    {
        lock (_lock)
        {
            _tenants[tenant].Grace.Add(new StraightforwardGrace(metric, extra, expiresUtc));
        }
    }

    public bool Check(string tenant, string metric, long amount)
    {
        lock (_lock)
        {
            return Limit(tenant, metric, out var limit) && Used(tenant, metric) + amount <= limit;
        }
    }

    public bool TryConsume(string tenant, string metric, long amount)
    {
        lock (_lock)
        {
            if (!Limit(tenant, metric, out var limit))
            {
                return false;
            }

            var used = Used(tenant, metric);
            if (used + amount > limit)
            {
                return false;
            }

            _usage[tenant + ":" + metric] = used + amount;
            return true;
        }
    }

    public bool IsEnabled(string tenant, string feature)
    {
        lock (_lock)
        {
            return _tenants.TryGetValue(tenant, out var t) && t.Features.Any(f => f == feature);
        }
    }

    private bool Limit(string tenant, string metric, out long limit)
    {
        limit = 0;
        if (!_tenants.TryGetValue(tenant, out var t))
        {
            return false;
        }

        var now = DateTime.UtcNow;
        var quota = t.Quotas.FirstOrDefault(q => q.Metric == metric);
        if (quota is null)
        {
            return false;
        }

        limit = quota.Limit + t.Grace.Where(g => g.Metric == metric && g.ExpiresUtc > now).Sum(g => g.Extra);
        return true;
    }

    private long Used(string tenant, string metric) => _usage.TryGetValue(tenant + ":" + metric, out var used) ? used : 0;

    private sealed record StraightforwardTenant(List<StraightforwardQuota> Quotas, List<string> Features, List<StraightforwardGrace> Grace);

    private sealed record StraightforwardQuota(string Metric, long Limit);

    private sealed record StraightforwardGrace(string Metric, long Extra, DateTime ExpiresUtc);
}
