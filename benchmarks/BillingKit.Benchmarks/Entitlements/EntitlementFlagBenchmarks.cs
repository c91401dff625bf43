using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>IsEnabled on an already resolved tenant, against Microsoft.FeatureManagement and the straightforward baseline.</summary>
[MemoryDiagnoser]
public class EntitlementFlagBenchmarks
{
    private readonly TenantId _tenant = TenantId.New();
    private ServiceProvider _provider = null!;
    private IFeatureManager _featureManager = null!;
    private StraightforwardEntitlements _straightforward = null!;
    private EntitlementGate _gate = null!;
    private EntitlementHandle _handle = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["FeatureManagement:sso"] = "true" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureManagement();
        _provider = services.BuildServiceProvider();
        _featureManager = _provider.GetRequiredService<IFeatureManager>();
        _straightforward = EntitlementsBenchmarkSetup.Straightforward([_tenant.Value]);
        _gate = EntitlementsBenchmarkSetup.Gate(SystemClock.Instance);
        _gate.Apply(EntitlementsBenchmarkSetup.Tenant(_tenant));
        _handle = _gate.GetHandle(_tenant);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "FeatureManagement IsEnabledAsync")]
    public bool FeatureManagement() => _featureManager.IsEnabledAsync("sso").GetAwaiter().GetResult();

    [Benchmark(Description = "Straightforward IsEnabled")]
    public bool Straightforward() => _straightforward.IsEnabled(_tenant.Value, "sso");

    [Benchmark(Description = "Handle IsEnabled")]
    public bool Handle() => _handle.IsEnabled(EntitlementsBenchmarkSetup.Sso);

    [Benchmark(Description = "Gate IsEnabled by tenant id")]
    public bool GateById() => _gate.IsEnabled(_tenant, EntitlementsBenchmarkSetup.Sso);
}
