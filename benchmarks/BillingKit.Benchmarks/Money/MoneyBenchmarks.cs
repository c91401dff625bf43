using BenchmarkDotNet.Attributes;
using BillingKit;

namespace BillingKit.Benchmarks.Money;

/// <summary>
/// Splitting an amount into parts that add up exactly. The baseline is the common hand-written way: decimal
/// shares rounded half-even, with the rounding difference dumped on the last part.
/// </summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private readonly BillingKit.Money _amount = BillingKit.Money.FromMinorUnits(1_234_567, Currency.USD);
    private long[] _ratios = [];
    private decimal[] _decimalRatios = [];

    [Params(3, 12, 100)]
    public int Parts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ratios = Enumerable.Range(1, Parts).Select(i => (long)((i * 37) % 11) + 1).ToArray();
        _decimalRatios = _ratios.Select(r => r / 7m).ToArray();
    }

    [Benchmark(Baseline = true)]
    public decimal[] NaiveDecimalShares()
    {
        var total = _amount.ToMajor();
        var sum = _ratios.Sum();
        var shares = new decimal[_ratios.Length];
        var allocated = 0m;
        for (var i = 0; i < shares.Length - 1; i++)
        {
            shares[i] = decimal.Round(total * _ratios[i] / sum, 2, MidpointRounding.ToEven);
            allocated += shares[i];
        }

        shares[^1] = total - allocated;
        return shares;
    }

    [Benchmark]
    public BillingKit.Money[] AllocateByRatios() => _amount.Allocate(_ratios);

    [Benchmark]
    public BillingKit.Money[] AllocateByDecimalRatios() => _amount.Allocate(_decimalRatios);

    [Benchmark]
    public BillingKit.Money[] AllocateEvenly() => _amount.Allocate(Parts);
}
