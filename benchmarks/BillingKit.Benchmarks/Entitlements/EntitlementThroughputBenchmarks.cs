using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Benchmarks.Entitlements;

/// <summary>
/// Consumption throughput with one and two threads, each consuming 1,000,000 times in a tight loop: on different
/// tenants (no false sharing means two threads do about twice the work per unit of time) and on the same tenant
/// (one contended counter). The mean is per consumption across all threads: throughput = 1 / mean.
/// </summary>
[MemoryDiagnoser]
public class EntitlementThroughputBenchmarks
{
    private const int PerThread = 1_000_000;
    private EntitlementHandle[] _handles = [];
    private string[] _tenantKeys = [];
    private StraightforwardEntitlements _straightforward = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gate = EntitlementsBenchmarkSetup.Gate(SystemClock.Instance);
        var tenants = Enumerable.Range(0, 2).Select(_ => TenantId.New()).ToArray();
        foreach (var tenant in tenants)
        {
            gate.Apply(EntitlementsBenchmarkSetup.Tenant(tenant));
        }

        _handles = tenants.Select(gate.GetHandle).ToArray();
        _tenantKeys = tenants.Select(t => t.Value).ToArray();
        _straightforward = EntitlementsBenchmarkSetup.Straightforward(_tenantKeys);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PerThread, Description = "Straightforward TryConsume, different tenants")]
    public void StraightforwardDifferentTenants() => Run(i =>
    {
        var key = _tenantKeys[i];
        for (var n = 0; n < PerThread; n++)
        {
            _straightforward.TryConsume(key, "verifications", 1);
        }
    });

    [Benchmark(OperationsPerInvoke = PerThread, Description = "Handle TryConsume, different tenants")]
    public void DifferentTenants() => Run(i =>
    {
        var handle = _handles[i];
        for (var n = 0; n < PerThread; n++)
        {
            handle.TryConsume(Metric.Verifications, 1);
        }
    });

    [Benchmark(OperationsPerInvoke = PerThread, Description = "Handle TryConsume, same tenant")]
    public void SameTenant() => Run(_ =>
    {
        var handle = _handles[0];
        for (var n = 0; n < PerThread; n++)
        {
            handle.TryConsume(Metric.Verifications, 1);
        }
    });

    /// <summary>Runs the work on <see cref="Threads"/> threads at once. OperationsPerInvoke counts one thread's
    /// consumptions, so the mean is wall time per million-consumption round: with two threads doing twice the work in
    /// the same time the mean stays the same, and throughput = Threads x 1,000,000 / (mean x 1,000,000).</summary>
    private void Run(Action<int> work)
    {
        if (Threads == 1)
        {
            work(0);
            return;
        }

        var threads = new Thread[Threads];
        using var start = new Barrier(Threads);
        for (var i = 0; i < Threads; i++)
        {
            var index = i;
            threads[i] = new Thread(() =>
            {
                start.SignalAndWait();
                work(index);
            });
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
