using System.Globalization;

namespace BillingKit.Core.Tests;

public class MoneyTests
{
    private static BillingKit.Money Usd(decimal amount) => BillingKit.Money.FromMajor(amount, Currency.USD);

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Adds_subtracts_negates_and_compares_within_a_currency()
    {
        Assert.Equal(Usd(15.75m), Usd(10.50m) + Usd(5.25m));
        Assert.Equal(Usd(5.25m), Usd(10.50m) - Usd(5.25m));
        Assert.Equal(Usd(-10.50m), -Usd(10.50m));
        Assert.True(Usd(1) < Usd(2));
        Assert.Equal(Usd(1), BillingKit.Money.Min(Usd(1), Usd(2)));
    }

    [Fact]
    public void Mixing_currencies_throws_a_typed_error()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => Usd(1) + BillingKit.Money.FromMajor(1, Currency.EUR));

        Assert.Equal(Currency.USD, error.Expected);
        Assert.Equal(Currency.EUR, error.Actual);
        Assert.Throws<CurrencyMismatchException>(() => Usd(1) < BillingKit.Money.FromMajor(1, Currency.EUR));
    }

    [Fact]
    public void Overflow_throws()
    {
        var max = BillingKit.Money.FromMinorUnits(long.MaxValue, Currency.USD);

        Assert.Throws<OverflowException>(() => max + BillingKit.Money.FromMinorUnits(1, Currency.USD));
        Assert.Throws<OverflowException>(() => -BillingKit.Money.FromMinorUnits(long.MinValue, Currency.USD));
        Assert.Throws<OverflowException>(() => max.Multiply(2));
        Assert.Throws<OverflowException>(() => BillingKit.Money.FromMajor(decimal.MaxValue, Currency.USD));
    }

    [Theory]
    [InlineData("10.5", "USD", 1050)]
    [InlineData("10.50", "USD", 1050)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.250", "KWD", 1250)]
    [InlineData("-0.01", "USD", -1)]
    public void Converts_exact_major_amounts_to_minor_units(string major, string code, long minor) =>
        Assert.Equal(minor, BillingKit.Money.FromMajor(D(major), Currency.FromCode(code)).MinorUnits);

    [Theory]
    [InlineData("10.005", "USD")]
    [InlineData("1.5", "JPY")]
    [InlineData("0.0001", "KWD")]
    public void A_major_amount_with_too_many_decimals_needs_a_rounding_mode(string major, string code)
    {
        var currency = Currency.FromCode(code);

        var error = Assert.Throws<AmountPrecisionException>(() => BillingKit.Money.FromMajor(D(major), currency));
        Assert.Contains("RoundingMode", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.005", RoundingMode.HalfEven, 1000)]
    [InlineData("10.015", RoundingMode.HalfEven, 1002)]
    [InlineData("10.005", RoundingMode.HalfUp, 1001)]
    [InlineData("10.005", RoundingMode.HalfDown, 1000)]
    [InlineData("10.009", RoundingMode.Down, 1000)]
    [InlineData("10.001", RoundingMode.Up, 1001)]
    [InlineData("-10.005", RoundingMode.HalfUp, -1001)]
    [InlineData("-10.001", RoundingMode.Up, -1001)]
    [InlineData("-10.001", RoundingMode.Floor, -1001)]
    [InlineData("-10.009", RoundingMode.Ceiling, -1000)]
    public void Rounds_major_amounts_by_the_named_mode(string major, RoundingMode mode, long minor) =>
        Assert.Equal(minor, BillingKit.Money.FromMajor(D(major), Currency.USD, mode).MinorUnits);

    [Theory]
    [InlineData(1000, "0.075", RoundingMode.HalfUp, 75)]
    [InlineData(1999, "0.075", RoundingMode.HalfUp, 150)] // 149.925
    [InlineData(1999, "0.075", RoundingMode.Down, 149)]
    [InlineData(250, "0.1", RoundingMode.HalfEven, 25)]
    [InlineData(25, "0.1", RoundingMode.HalfEven, 2)] // 2.5 -> 2
    [InlineData(35, "0.1", RoundingMode.HalfEven, 4)] // 3.5 -> 4
    [InlineData(35, "0.1", RoundingMode.HalfUp, 4)]
    [InlineData(25, "0.1", RoundingMode.HalfDown, 2)]
    public void Multiplies_by_a_rate_with_explicit_rounding(long minor, string rate, RoundingMode mode, long expected) =>
        Assert.Equal(expected, BillingKit.Money.FromMinorUnits(minor, Currency.USD).Multiply(D(rate), mode).MinorUnits);

    [Fact]
    public void Divides_a_gross_price_to_take_tax_out()
    {
        var gross = Usd(120.00m);

        Assert.Equal(Usd(100.00m), gross.Divide(1.2m, RoundingMode.HalfUp));
        Assert.Equal(Usd(33.33m), Usd(100m).Divide(3m, RoundingMode.HalfEven));
        Assert.Throws<DivideByZeroException>(() => gross.Divide(0m, RoundingMode.HalfUp));
    }

    [Fact]
    public void Splits_evenly_giving_leftover_cents_to_the_first_parts()
    {
        var parts = Usd(10.00m).Allocate(3);

        Assert.Equal([Usd(3.34m), Usd(3.33m), Usd(3.33m)], parts);
        Assert.Equal([Usd(-3.34m), Usd(-3.33m), Usd(-3.33m)], Usd(-10.00m).Allocate(3));
    }

    [Fact]
    public void Splits_by_ratios_giving_leftover_cents_to_the_largest_fractions()
    {
        // 0.05 split 30/70 is exactly 0.015 and 0.035; both have half a cent over, the earlier part wins the tie.
        Assert.Equal([Usd(0.02m), Usd(0.03m)], Usd(0.05m).Allocate(30L, 70L));

        // 100.00 split 1:1:1 by decimals: one leftover cent, to the first part.
        Assert.Equal([Usd(33.34m), Usd(33.33m), Usd(33.33m)], Usd(100m).Allocate(0.5m, 0.5m, 0.5m));

        // A zero ratio gets nothing.
        Assert.Equal([Usd(0m), Usd(10m)], Usd(10m).Allocate(0L, 3L));
    }

    [Fact]
    public void Allocation_rejects_ratios_that_mean_nothing()
    {
        Assert.Throws<ArgumentException>(() => Usd(10m).Allocate(0L, 0L));
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(10m).Allocate(5L, -1L));
        Assert.Throws<ArgumentException>(() => Usd(10m).Allocate(ReadOnlySpan<long>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => Usd(10m).Allocate(0));
    }

    [Theory]
    [InlineData("USD 1234.50", 123450, "USD")]
    [InlineData("JPY -500", -500, "JPY")]
    [InlineData("KWD 1.250", 1250, "KWD")]
    [InlineData("EUR 0.00", 0, "EUR")]
    public void Formats_and_parses_the_invariant_form(string text, long minor, string code)
    {
        var money = BillingKit.Money.FromMinorUnits(minor, Currency.FromCode(code));

        Assert.Equal(text, money.ToString());
        Assert.Equal(money, BillingKit.Money.Parse(text));
    }

    [Theory]
    [InlineData("USD1234.50")]
    [InlineData("USD 12,34")]
    [InlineData("USD 1.234")]
    [InlineData("ABC 1.00")]
    [InlineData("")]
    public void Rejects_text_that_is_not_money(string text) => Assert.False(BillingKit.Money.TryParse(text, out _));

    [Fact]
    public void Displays_in_a_culture_with_its_symbol_or_the_iso_code()
    {
        Assert.Equal("$1,234.50", Usd(1234.50m).ToDisplayString(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("1.234,50 €", BillingKit.Money.FromMajor(1234.50m, Currency.EUR).ToDisplayString(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("1.234,50 USD", Usd(1234.50m).ToDisplayString(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("JPY 1,500", BillingKit.Money.FromMajor(1500, Currency.JPY).ToDisplayString(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("KWD 1.250", BillingKit.Money.FromMajor(1.25m, Currency.KWD).ToDisplayString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Default_money_is_zero_in_no_currency_and_does_not_mix_with_real_money()
    {
        Assert.True(default(BillingKit.Money).IsZero);
        Assert.Throws<CurrencyMismatchException>(() => default(BillingKit.Money) + Usd(1));
    }
}
