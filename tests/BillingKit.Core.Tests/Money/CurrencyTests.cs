namespace BillingKit.Core.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("NGN", 2)]
    [InlineData("KES", 2)]
    [InlineData("GHS", 2)]
    [InlineData("ZAR", 2)]
    [InlineData("KRW", 0)]
    [InlineData("CLF", 4)]
    [InlineData("UGX", 0)]
    public void Knows_the_minor_unit_of_active_currencies(string code, int digits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(digits, currency.MinorDigits);
    }

    [Fact]
    public void Codes_are_matched_in_any_case_and_printed_upper_case() =>
        Assert.Equal("USD", Currency.FromCode("usd").ToString());

    [Theory]
    [InlineData("ABC")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("")]
    [InlineData("XXX")]
    public void Unknown_codes_are_rejected_with_a_clear_error(string code)
    {
        var error = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(code));

        Assert.Equal(code, error.Code);
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Fact]
    public void Default_is_no_currency_and_never_equals_a_real_one()
    {
        Assert.Equal("XXX", default(Currency).Code);
        Assert.DoesNotContain(default, Currency.All);
    }

    [Fact]
    public void The_table_lists_every_code_once_in_order()
    {
        var codes = Currency.All.Select(c => c.Code).ToList();

        Assert.True(codes.Count > 150);
        Assert.Equal(codes.Distinct(StringComparer.Ordinal).Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes, StringComparer.Ordinal);
    }
}
