using System.Globalization;
using System.Net;
using System.Text.Json;
using BillingKit.Flutterwave.Internal;
using BillingKit.Flutterwave.Tests.Infrastructure;
using BillingKit.Providers;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;

namespace BillingKit.Flutterwave.Tests;

public sealed class FlutterwaveAmountTests
{
    /// <summary>Every currency Flutterwave collects in (two decimals, and UGX, RWF, XAF, XOF with none), plus JPY and
    /// KWD (three decimals) which the converter must also get right although Flutterwave refuses them.</summary>
    private static readonly Currency[] Currencies =
        [.. new[] { "EGP", "EUR", "GBP", "GHS", "KES", "MWK", "NGN", "RWF", "TZS", "UGX", "USD", "XAF", "XOF", "ZAR", "ZMW", "JPY", "KWD", "BHD" }.Select(Currency.FromCode)];

    [Theory]
    [InlineData(1050, "NGN", "10.50")]
    [InlineData(1, "USD", "0.01")]
    [InlineData(5000, "UGX", "5000")]
    [InlineData(1250, "KWD", "1.250")]
    [InlineData(0, "GHS", "0.00")]
    [InlineData(999_999_999_999_99, "KES", "999999999999.99")]
    public void Minor_units_become_exact_major_amounts(long minor, string currency, string expected)
    {
        var major = FlutterwaveAmount.ToMajor(Money.FromMinorUnits(minor, Currency.FromCode(currency)));

        Assert.Equal(expected, major.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Conversion_to_major_units_and_back_is_exact_for_every_currency() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Elements(Currencies).SelectMany(c => Generators.Amounts(c)).ToArbitrary(),
            money =>
            {
                var major = FlutterwaveAmount.ToMajor(money);
                var digits = money.Currency.MinorDigits;
                var exactScale = major.Scale == digits;
                var sameValue = major * money.Currency.MinorUnitsPerMajor == money.MinorUnits;
                var roundTrips = FlutterwaveAmount.FromMajor(major, money.Currency) == money;
                using var json = JsonDocument.Parse(JsonSerializer.Serialize(new { amount = major }));
                var wireExact = json.RootElement.GetProperty("amount").GetDecimal() == major
                    && json.RootElement.GetProperty("amount").GetRawText() == major.ToString(CultureInfo.InvariantCulture);
                return exactScale && sameValue && roundTrips && wireExact;
            }));

    [Fact]
    public void An_amount_reported_with_more_decimals_than_the_currency_has_is_refused_not_rounded() =>
        Assert.Throws<AmountPrecisionException>(() => FlutterwaveAmount.FromMajor(10.505m, Currency.NGN));

    [Fact]
    public async Task The_charge_request_carries_the_exact_major_amount()
    {
        using var flutterwave = new FlutterwaveFixture();
        flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(amount: "10.50"));

        await flutterwave.Provider.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_42"), Money.FromMinorUnits(1050, Currency.NGN), "215604089", "flw-t1nf-x", IdempotencyKey.New()) { CustomerEmail = "ada@example.com" });

        using var body = JsonDocument.Parse(flutterwave.Handler.Requests.Single().Body!);
        Assert.Equal("10.50", body.RootElement.GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task A_zero_decimal_currency_goes_as_a_whole_number()
    {
        using var flutterwave = new FlutterwaveFixture();
        flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(amount: "5000", currency: "UGX"));

        var payment = await flutterwave.Provider.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_42"), Money.FromMinorUnits(5000, Currency.FromCode("UGX")), "1", "flw-t1nf-x", IdempotencyKey.New()) { CustomerEmail = "ada@example.com" });

        using var body = JsonDocument.Parse(flutterwave.Handler.Requests.Single().Body!);
        Assert.Equal("5000", body.RootElement.GetProperty("amount").GetRawText());
        Assert.Equal(Money.FromMinorUnits(5000, Currency.FromCode("UGX")), payment.Amount);
    }

    [Fact]
    public async Task A_three_decimal_currency_Flutterwave_does_not_take_is_refused_before_any_request()
    {
        using var flutterwave = new FlutterwaveFixture();

        var error = await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => flutterwave.Provider.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_42"), Money.FromMinorUnits(1250, Currency.KWD), "1", "flw-t1nf-x", IdempotencyKey.New()) { CustomerEmail = "a@b.c" }));

        Assert.Equal(Currency.KWD, error.Currency);
        Assert.Empty(flutterwave.Handler.Requests);
    }
}
