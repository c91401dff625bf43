using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>Check and TryConsume by tenant id, visiting tenants in a scattered order over 10,000 and 1,000,000 tenants.</summary>
[MemoryDiagnoser]
public class EntitlementTenantLookupBenchmarks
{
    private const int Stride = 7_919;
    private TenantId[] _tenants = [];
    private string[] _tenantKeys = [];
    private StraightforwardEntitlements _straightforward = null!;
    private EntitlementGate _gate = null!;
    private int _next;

    [Params(10_000, 1_000_000)]
    public int Tenants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tenants = Enumerable.Range(0, Tenants).Select(_ => TenantId.New()).ToArray();
        _tenantKeys = _tenants.Select(t => t.Value).ToArray();
        _straightforward = EntitlementsBenchmarkSetup.Straightforward(_tenantKeys);
        _gate = EntitlementsBenchmarkSetup.Gate(SystemClock.Instance);
        foreach (var tenant in _tenants)
        {
            _gate.Apply(EntitlementsBenchmarkSetup.Tenant(tenant));
        }
    }

    [Benchmark(Baseline = true, Description = "Straightforward Check by id")]
    public bool StraightforwardCheck() => _straightforward.Check(_tenantKeys[Next()], "verifications", 1);

    [Benchmark(Description = "Gate Check by id")]
    public EntitlementDecision Check() => _gate.Check(_tenants[Next()], Metric.Verifications, 1);

    [Benchmark(Description = "Gate TryConsume by id")]
    public EntitlementDecision TryConsume() => _gate.TryConsume(_tenants[Next()], Metric.Verifications, 1);

    private int Next()
    {
        var next = _next + Stride;
        if (next >= _tenants.Length)
        {
            next -= _tenants.Length;
        }

        _next = next;
        return next;
    }
}
