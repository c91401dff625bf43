using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Ledger.Tests;

public class CashApplicationTests
{
    private static readonly Instant Posted = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static OpenCharge Open(string id, LocalDate due, long outstanding) => new()
    {
        Charge = LedgerTransactionId.From(id),
        DueDate = due,
        Original = Money.FromMinorUnits(outstanding, Currency.USD),
        Outstanding = Money.FromMinorUnits(outstanding, Currency.USD),
        PostedAt = Posted,
    };

    private static Gen<OpenCharge[]> OpenCharges() =>
        Gen.Choose(0, 8).SelectMany(count =>
            Gen.Choose(1, 50_000).Zip(Gen.Choose(0, 90)).ArrayOf(count).Select(parts =>
                parts.Select((p, i) => Open("ch" + i, new LocalDate(2026, 1, 1).PlusDays(p.Item2), p.Item1)).ToArray()));

    [Fact]
    public void Applied_amounts_plus_excess_always_equal_the_payment() =>
        PropertyTest.Check(Prop.ForAll(OpenCharges().ToArbitrary(), Gen.Choose(1, 400_000).ToArbitrary(), (open, units) =>
        {
            var amount = Money.FromMinorUnits(units, Currency.USD);
            var allocation = CashApplication.Allocate(amount, open);
            return allocation.TotalApplied + allocation.Excess == amount
                && allocation.Applied.All(a => a.Amount.IsPositive)
                && allocation.Applied.All(a => a.Amount <= open.Single(o => o.Charge == a.Charge).Outstanding)
                && !allocation.Excess.IsNegative;
        }));

    [Fact]
    public void Excess_exists_only_when_every_open_charge_is_settled() =>
        PropertyTest.Check(Prop.ForAll(OpenCharges().ToArbitrary(), Gen.Choose(1, 400_000).ToArbitrary(), (open, units) =>
        {
            var allocation = CashApplication.Allocate(Money.FromMinorUnits(units, Currency.USD), open);
            var totalOpen = open.Sum(o => o.Outstanding.MinorUnits);
            return allocation.Excess.IsZero
                ? allocation.TotalApplied.MinorUnits == Math.Min(units, totalOpen)
                : allocation.TotalApplied.MinorUnits == totalOpen;
        }));

    [Fact]
    public void Oldest_due_is_settled_first_so_only_the_last_applied_charge_can_be_partial() =>
        PropertyTest.Check(Prop.ForAll(OpenCharges().ToArbitrary(), Gen.Choose(1, 400_000).ToArbitrary(), (open, units) =>
        {
            var allocation = CashApplication.Allocate(Money.FromMinorUnits(units, Currency.USD), open);
            var dues = allocation.Applied.Select(a => open.Single(o => o.Charge == a.Charge).DueDate).ToArray();
            var sorted = dues.Zip(dues.Skip(1)).All(pair => pair.First <= pair.Second);
            var fullExceptLast = allocation.Applied.SkipLast(1).All(a => a.Amount == open.Single(o => o.Charge == a.Charge).Outstanding);
            var unapplied = open.Where(o => allocation.Applied.All(a => a.Charge != o.Charge));
            var noOlderLeftBehind = allocation.Applied.Count == 0 || unapplied.All(o => o.DueDate >= dues[^1]);
            return sorted && fullExceptLast && noOlderLeftBehind;
        }));

    [Fact]
    public void An_explicit_order_settles_the_named_charges_first_then_the_oldest()
    {
        var january = Open("jan", new LocalDate(2026, 1, 31), 10_000);
        var february = Open("feb", new LocalDate(2026, 2, 28), 20_000);
        var march = Open("mar", new LocalDate(2026, 3, 31), 30_000);

        var allocation = CashApplication.Allocate(Money.FromMinorUnits(35_000, Currency.USD), [january, february, march], [march.Charge]);

        Assert.Equal([march.Charge, january.Charge], allocation.Applied.Select(a => a.Charge));
        Assert.Equal(Money.FromMinorUnits(5_000, Currency.USD), allocation.Applied[1].Amount);
        Assert.True(allocation.Excess.IsZero);
    }

    [Fact]
    public void Naming_a_charge_that_is_not_open_is_refused()
    {
        var january = Open("jan", new LocalDate(2026, 1, 31), 10_000);
        var error = Assert.Throws<ArgumentException>(() =>
            CashApplication.Allocate(Money.FromMinorUnits(1, Currency.USD), [january], [LedgerTransactionId.From("nope")]));
        Assert.Contains("not an open charge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_amount_or_another_currency_is_refused()
    {
        var january = Open("jan", new LocalDate(2026, 1, 31), 10_000);
        Assert.Throws<InvalidLedgerAmountException>(() => CashApplication.Allocate(Money.Zero(Currency.USD), [january]));
        Assert.Throws<CurrencyMismatchException>(() => CashApplication.Allocate(Money.FromMinorUnits(5, Currency.EUR), [january]));
    }
}
