using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>Check and TryConsume by tenant id, visiting tenants in a scattered order over 10,000 and 1,000,000 tenants.
/// Loading a million tenants takes longer than the in-process toolchain's default five-minute limit on a loaded
/// machine, so this class brings its own short in-process job with a longer limit: run it without --job/--inProcess.</summary>
[MemoryDiagnoser]
[Config(typeof(LongSetupConfig))]
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

    [GlobalSetup(Target = nameof(StraightforwardCheck))]
    public void SetupStraightforward()
    {
        _tenants = Enumerable.Range(0, Tenants).Select(_ => TenantId.New()).ToArray();
        _tenantKeys = _tenants.Select(t => t.Value).ToArray();
        _straightforward = EntitlementsBenchmarkSetup.Straightforward(_tenantKeys);
    }

    [GlobalSetup(Targets = [nameof(Check), nameof(TryConsume)])]
    public void SetupGate()
    {
        _tenants = Enumerable.Range(0, Tenants).Select(_ => TenantId.New()).ToArray();
        _gate = EntitlementsBenchmarkSetup.Gate(SystemClock.Instance);
        foreach (var tenant in _tenants)
        {
            _gate.Apply(EntitlementsBenchmarkSetup.Tenant(tenant));

            // The first consumption of a period leases the quota from the store (a slow path, once per tenant and
            // period); take it here so that the benchmark measures the steady state.
            _gate.TryConsume(tenant, Metric.Verifications, 1);
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

/// <summary>A short in-process job whose runs may take up to 30 minutes (a million tenants to load).</summary>
public sealed class LongSetupConfig : ManualConfig
{
    public LongSetupConfig() =>
        AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithId("ShortRun"));
}
