using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>
/// The first check after a grace allowance expires, then the next one. Each iteration prepares 1,000 tenants whose
/// grace allowance has just expired; the benchmark checks each once (operations per invoke = 1,000). The gate reads a
/// hand-moved clock exactly here, so the figures include an interface call to the clock instead of the tick count.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class EntitlementGraceExpiryBenchmarks
{
    private const int Tenants = 1_000;
    private static readonly Instant Granted = Instant.FromUtc(2026, 1, 10, 0, 0);
    private readonly ManualClock _clock = new(Granted);
    private TenantEntitlements[] _configs = [];
    private EntitlementHandle[] _handles = [];
    private StraightforwardEntitlements _straightforward = null!;
    private string[] _tenantKeys = [];
    private EntitlementGate _gate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gate = EntitlementsBenchmarkSetup.Gate(_clock);
        _configs = Enumerable.Range(0, Tenants).Select(_ =>
        {
            var config = EntitlementsBenchmarkSetup.Tenant(TenantId.New());
            var grace = new GraceAllowance(Guid.NewGuid(), Metric.Verifications, 10, Granted, Granted + Duration.FromHours(1), "Bench");
            return config with { GraceAllowances = [grace] };
        }).ToArray();
        foreach (var config in _configs)
        {
            _gate.Apply(config);
        }

        _handles = _configs.Select(c => _gate.GetHandle(c.Tenant)).ToArray();
        _tenantKeys = _configs.Select(c => c.Tenant.Value).ToArray();
        _straightforward = EntitlementsBenchmarkSetup.Straightforward(_tenantKeys);
        foreach (var key in _tenantKeys)
        {
            _straightforward.Grant(key, "verifications", 10, DateTime.UtcNow.AddSeconds(-1));
        }

        WarmUp();
    }

    /// <summary>With one invocation per iteration, BenchmarkDotNet calls the benchmark only a few times, too few for
    /// the runtime to recompile the gate's methods with full optimization (tiered compilation needs 30 calls and a
    /// short delay); run every path here first, pause for the recompilation, and run them again.</summary>
    private void WarmUp()
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 60; i++)
            {
                Unexpire();
                FirstCheckAfterExpiry();
                NextCheck();
                StraightforwardCheck();
            }

            Thread.Sleep(500);
        }
    }

    /// <summary>Puts every tenant back before the expiry, then moves the clock past it.</summary>
    [IterationSetup(Target = nameof(FirstCheckAfterExpiry))]
    public void Unexpire()
    {
        _clock.Set(Granted);
        foreach (var config in _configs)
        {
            _gate.Apply(config);
        }

        foreach (var handle in _handles)
        {
            handle.Check(Metric.Verifications, 1);
        }

        _clock.Set(Granted + Duration.FromHours(1));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tenants, Description = "Straightforward Check, allowance expired")]
    public int StraightforwardCheck()
    {
        var allowed = 0;
        foreach (var key in _tenantKeys)
        {
            allowed += _straightforward.Check(key, "verifications", 1) ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Tenants, Description = "Handle first Check after expiry")]
    public long FirstCheckAfterExpiry()
    {
        var limits = 0L;
        foreach (var handle in _handles)
        {
            limits += handle.Check(Metric.Verifications, 1).Limit;
        }

        return limits;
    }

    [Benchmark(OperationsPerInvoke = Tenants, Description = "Handle next Check after expiry")]
    public long NextCheck()
    {
        _clock.Set(Granted + Duration.FromHours(2));
        var limits = 0L;
        foreach (var handle in _handles)
        {
            limits += handle.Check(Metric.Verifications, 1).Limit;
        }

        return limits;
    }
}
