using BillingKit.Entitlements;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

/// <summary>Entitlements wired the way a host wires them (DI, in-memory stores), on a fake clock.</summary>
internal sealed class EntitlementsHost : IDisposable
{
    public static readonly Feature OfflineBundles = Feature.Of("offline_bundles");
    public static readonly Feature Sso = Feature.Of("sso");
    public static readonly Feature SeatCap = Feature.Of("seat_cap");

    public static readonly Plan Starter = Plan.Create(PlanId.From("starter"), "Starter")
        .WithQuota(Metric.Verifications, 1_000)
        .WithQuota(Metric.AttestationsMint, 100)
        .WithQuota(Metric.WebhookEndpoints, 3)
        .WithQuota(Metric.StorageBytes, 1_000_000)
        .WithQuota(Metric.Seats, 5)
        .WithFeature(Sso, false)
        .WithFeature(SeatCap, FeatureValue.FromNumber(5));

    public static readonly Plan Scale = Plan.Create(PlanId.From("scale"), "Scale")
        .WithQuota(Metric.Verifications, Quota.Unlimited)
        .WithQuota(Metric.AttestationsMint, 5_000)
        .WithQuota(Metric.WebhookEndpoints, 20)
        .WithFeature(Sso, true);

    private readonly ServiceProvider _provider;

    public EntitlementsHost(Action<EntitlementOptions>? configure = null, IClock? clock = null)
    {
        Clock = FakeClock.AtNewYear2026();
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? Clock);
        services.AddBillingKitCore().AddEntitlements(o =>
        {
            o.Plans.Add(Starter);
            o.Plans.Add(Scale);
            configure?.Invoke(o);
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Gate = _provider.GetRequiredService<EntitlementGate>();
        Service = _provider.GetRequiredService<EntitlementService>();
    }

    public FakeClock Clock { get; }

    public EntitlementGate Gate { get; }

    public EntitlementService Service { get; }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async Task<TenantId> NewTenantAsync(Plan? plan = null)
    {
        var tenant = TenantId.New();
        await Service.SetPlanAsync(tenant, (plan ?? Starter).Id, new LocalDate(2026, 1, 1));
        return tenant;
    }

    public void Dispose() => _provider.Dispose();
}
