using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>Check (reading the time) and uncontended TryConsume on an already resolved tenant.</summary>
[MemoryDiagnoser]
public class EntitlementCheckBenchmarks
{
    private readonly TenantId _tenant = TenantId.New();
    private StraightforwardEntitlements _straightforward = null!;
    private EntitlementHandle _handle = null!;

    [GlobalSetup]
    public void Setup()
    {
        _straightforward = EntitlementsBenchmarkSetup.Straightforward([_tenant.Value]);
        _straightforward.Grant(_tenant.Value, "verifications", 10, DateTime.UtcNow.AddDays(1));
        var gate = EntitlementsBenchmarkSetup.Gate(SystemClock.Instance);
        gate.Apply(EntitlementsBenchmarkSetup.Tenant(_tenant));
        _handle = gate.GetHandle(_tenant);
    }

    [Benchmark(Baseline = true, Description = "Straightforward Check")]
    public bool StraightforwardCheck() => _straightforward.Check(_tenant.Value, "verifications", 1);

    [Benchmark(Description = "Straightforward TryConsume")]
    public bool StraightforwardTryConsume() => _straightforward.TryConsume(_tenant.Value, "verifications", 1);

    /// <summary>The cheap time source alone, for reference: what every check pays to read the time.</summary>
    [Benchmark(Description = "Environment.TickCount64 alone")]
    public long TickCount() => Environment.TickCount64;

    [Benchmark(Description = "Handle Check")]
    public EntitlementDecision Check() => _handle.Check(Metric.Verifications, 1);

    [Benchmark(Description = "Handle TryConsume")]
    public EntitlementDecision TryConsume() => _handle.TryConsume(Metric.Verifications, 1);
}
