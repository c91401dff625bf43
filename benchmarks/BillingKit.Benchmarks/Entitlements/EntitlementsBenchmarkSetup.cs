using BillingKit.Entitlements;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>Builds gates and straightforward baselines with the same plan for the entitlement benchmarks.</summary>
internal static class EntitlementsBenchmarkSetup
{
    public const long Plenty = 1_000_000_000_000_000;

    public static readonly Feature Sso = Feature.Of("sso");

    public static readonly Plan Plan = Plan.Create(PlanId.From("bench"), "Bench")
        .WithQuota(Metric.Verifications, Plenty)
        .WithQuota(Metric.AttestationsMint, Plenty)
        .WithQuota(Metric.WebhookEndpoints, 20)
        .WithQuota(Metric.Seats, 50)
        .WithFeature(Sso, true);

    public static readonly (string Metric, long Limit)[] StraightforwardQuotas =
        [("verifications", Plenty), ("attestations.mint", Plenty), ("webhook_endpoints", 20), ("seats", 50)];

    public static readonly string[] StraightforwardFeatures = ["audit_log", "offline_bundles", "sso"];

    public static EntitlementGate Gate(IClock clock)
    {
        var options = new EntitlementOptions();
        options.Plans.Add(Plan);
        return new EntitlementGate(clock, new InMemoryQuotaLeaseStore(), Options.Create(options));
    }

    public static TenantEntitlements Tenant(TenantId tenant) =>
        new(tenant, Plan.Id, new LocalDate(2026, 1, 1), DateTimeZone.Utc);

    public static StraightforwardEntitlements Straightforward(IEnumerable<string> tenants)
    {
        var baseline = new StraightforwardEntitlements();
        foreach (var tenant in tenants)
        {
            baseline.Add(tenant, StraightforwardQuotas, StraightforwardFeatures);
        }

        return baseline;
    }
}

/// <summary>A clock the benchmark moves by hand; the gate reads it exactly on every call.</summary>
internal sealed class ManualClock(Instant now) : IClock
{
    private long _ticks = now.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Volatile.Read(ref _ticks));

    public void Set(Instant now) => Volatile.Write(ref _ticks, now.ToUnixTimeTicks());
}
