using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;

namespace BillingKit.Core.Tests;

public class MoneyProperties
{
    private static Gen<long[]> Ratios() =>
        Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(i => (long)i), n))
            .Where(ratios => ratios.Any(r => r > 0));

    private static Gen<decimal[]> DecimalRatios() =>
        Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 100_000).SelectMany(i => Gen.Choose(0, 6), (i, scale) => i / (decimal)Math.Pow(10, scale)), n))
            .Where(ratios => ratios.Any(r => r > 0));

    [Fact]
    public void Allocation_by_ratios_sums_exactly_and_each_part_is_within_one_unit_of_its_share() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), Ratios().ToArbitrary(), (money, ratios) =>
        {
            var parts = money.Allocate(ratios);
            var total = ratios.Aggregate(Int128.Zero, (sum, r) => sum + r);
            var withinOne = parts.Select((p, i) => Int128.Abs(((Int128)p.MinorUnits * total) - ((Int128)money.MinorUnits * ratios[i])) < total).All(ok => ok);
            return parts.Length == ratios.Length
                && parts.All(p => p.Currency == money.Currency)
                && parts.Sum(p => p.MinorUnits) == money.MinorUnits
                && withinOne;
        }));

    [Fact]
    public void Allocation_by_decimal_ratios_sums_exactly_and_each_part_is_within_one_unit_of_its_share() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), DecimalRatios().ToArbitrary(), (money, ratios) =>
        {
            var parts = money.Allocate(ratios);
            var total = ratios.Sum();
            var withinOne = parts.Select((p, i) => Math.Abs(p.MinorUnits - (money.MinorUnits * (ratios[i] / total))) < 1.0000001m).All(ok => ok);
            return parts.Sum(p => p.MinorUnits) == money.MinorUnits && withinOne;
        }));

    [Fact]
    public void Allocation_is_deterministic() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), Ratios().ToArbitrary(), (money, ratios) =>
            money.Allocate(ratios).SequenceEqual(money.Allocate(ratios))));

    [Fact]
    public void Even_split_sums_exactly_and_parts_differ_by_at_most_one_unit() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), Gen.Choose(1, 500).ToArbitrary(), (money, n) =>
        {
            var parts = money.Allocate(n);
            var units = parts.Select(p => p.MinorUnits).ToList();
            return parts.Length == n && units.Sum() == money.MinorUnits && units.Max() - units.Min() <= 1;
        }));

    [Fact]
    public void Addition_is_commutative_and_associative_within_a_currency() =>
        PropertyTest.Check(Prop.ForAll(
            Generators.Currencies().SelectMany(c => Gen.Three(Generators.Amounts(c))).ToArbitrary(),
            t => t.Item1 + t.Item2 == t.Item2 + t.Item1 && (t.Item1 + t.Item2) + t.Item3 == t.Item1 + (t.Item2 + t.Item3)));

    [Fact]
    public void Mixing_currencies_always_throws() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), Generators.Amounts().ToArbitrary(), (a, b) =>
        {
            if (a.Currency == b.Currency)
            {
                return true;
            }

            return Throws(() => a + b) && Throws(() => a - b) && Throws(() => a.CompareTo(b)) && a != b;
        }));

    [Fact]
    public void Parse_of_format_is_the_identity() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), money =>
            BillingKit.Money.Parse(money.ToString()) == money && BillingKit.Money.TryParse(money.ToString(), out var back) && back == money));

    [Fact]
    public void Major_amounts_round_trip_exactly() =>
        PropertyTest.Check(Prop.ForAll(Generators.Amounts().ToArbitrary(), money =>
            BillingKit.Money.FromMajor(money.ToMajor(), money.Currency) == money));

    [Fact]
    public void Multiplying_agrees_with_decimal_rounding() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Choose(-10_000_000, 10_000_000).ToArbitrary(),
            Gen.Choose(0, 300_000).Select(i => i / 10_000m).ToArbitrary(),
            Gen.Elements(RoundingMode.HalfEven, RoundingMode.HalfUp, RoundingMode.Down, RoundingMode.Floor, RoundingMode.Ceiling).ToArbitrary(),
            (units, rate, mode) =>
            {
                var expected = decimal.Round(units * rate, 0, mode switch
                {
                    RoundingMode.HalfEven => MidpointRounding.ToEven,
                    RoundingMode.HalfUp => MidpointRounding.AwayFromZero,
                    RoundingMode.Down => MidpointRounding.ToZero,
                    RoundingMode.Floor => MidpointRounding.ToNegativeInfinity,
                    _ => MidpointRounding.ToPositiveInfinity,
                });
                return BillingKit.Money.FromMinorUnits(units, Currency.USD).Multiply(rate, mode).MinorUnits == (long)expected;
            }));

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (CurrencyMismatchException)
        {
            return true;
        }
    }

    private static bool Throws(Func<object> func) => Throws(() => { _ = func(); });
}
