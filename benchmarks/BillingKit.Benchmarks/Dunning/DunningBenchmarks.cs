using BenchmarkDotNet.Attributes;
using BillingKit.Dunning;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Benchmarks.Dunning;

/// <summary>
/// The pure dunning decision and the scheduler's due query. The baseline is the most frequent call: a processor tick
/// for a past-due tenant with nothing due yet.
/// </summary>
[MemoryDiagnoser]
public class DunningBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly DunningPolicy _policy = DunningPolicy.Default;
    private readonly InMemoryDunningStore _store = new();
    private DunningSnapshot _active = null!;
    private DunningSnapshot _pastDue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _active = DunningMachine.Enroll(TenantId.From("ten_bench"), ContractMode.Standard, _policy, Start);
        _pastDue = DunningMachine.Decide(_active, new PaymentFailed(Start, "insufficient_funds"), _policy, Start).Snapshot;
        var units = new InMemoryUnitOfWorkFactory();
        for (var i = 0; i < 10_000; i++)
        {
            var tenant = TenantId.From("ten_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var snapshot = DunningMachine.Enroll(tenant, ContractMode.Standard, _policy, Start);
            if (i % 10 == 0)
            {
                snapshot = DunningMachine.Decide(snapshot, new PaymentFailed(Start, "insufficient_funds"), _policy, Start).Snapshot;
            }

            var unit = units.BeginAsync(tenant).AsTask().GetAwaiter().GetResult();
            _store.SaveAsync(unit, snapshot, [], null).AsTask().GetAwaiter().GetResult();
            unit.CommitAsync().AsTask().GetAwaiter().GetResult();
            unit.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public DunningDecision TickWithNothingDue() => DunningMachine.Decide(_pastDue, new TimePassed(Start + Duration.FromDays(1)), _policy, Start + Duration.FromDays(1));

    [Benchmark]
    public DunningDecision FirstPaymentFailure() => DunningMachine.Decide(_active, new PaymentFailed(Start, "insufficient_funds"), _policy, Start);

    [Benchmark]
    public DunningDecision TickAfterAMonthWalksThreeStages() => DunningMachine.Decide(_pastDue, new TimePassed(Start + Duration.FromDays(30)), _policy, Start + Duration.FromDays(30));

    [Benchmark]
    public DeclineAdvice ClassifyDeclineCode() => DeclineCodes.Classify("insufficient_funds");

    [Benchmark]
    public int FindDueAmongTenThousandTenants() => _store.FindDueAsync(Start + Duration.FromDays(3)).AsTask().GetAwaiter().GetResult().Count;
}
