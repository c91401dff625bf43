using System.Text.Json;
using System.Text.Json.Nodes;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Stripe.Tests;

/// <summary>Response parsing on Stripe's published example objects (fixtures3.json, API 2023-08-16).</summary>
public class StripeJsonTests
{
    private static readonly StripeContract Contract = StripeContract.Instance;

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    [Fact]
    public void Published_payment_intent_reads_as_an_incomplete_payment()
    {
        var payment = StripeJson.PaymentIntent(Parse(Contract.Fixture("payment_intent")));

        Assert.Equal("pi_1NkX1SFTSgX8ss0HacmMe3s6", payment.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(1099, Currency.USD), payment.Amount);
        Assert.Equal(ProviderPaymentStatus.Incomplete, payment.Status);
        Assert.Equal(Instant.FromUnixTimeSeconds(1234567890), payment.CreatedAt);
        Assert.Null(payment.ProviderChargeId);
        Assert.Null(payment.PaymentId);
    }

    [Theory]
    [InlineData("succeeded", ProviderPaymentStatus.Succeeded)]
    [InlineData("processing", ProviderPaymentStatus.Processing)]
    [InlineData("requires_capture", ProviderPaymentStatus.Processing)]
    [InlineData("requires_action", ProviderPaymentStatus.RequiresAction)]
    [InlineData("requires_confirmation", ProviderPaymentStatus.Incomplete)]
    [InlineData("canceled", ProviderPaymentStatus.Canceled)]
    public void Payment_intent_statuses_map(string status, ProviderPaymentStatus expected)
    {
        var pi = Contract.Fixture("payment_intent");
        pi["status"] = status;

        Assert.Equal(expected, StripeJson.PaymentIntent(Parse(pi)).Status);
    }

    [Fact]
    public void A_payment_intent_back_at_requires_payment_method_with_an_error_is_a_failed_attempt_with_its_decline_code()
    {
        var pi = Contract.Fixture("payment_intent");
        pi["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "insufficient_funds", ["message"] = "Your card has insufficient funds." };

        var payment = StripeJson.PaymentIntent(Parse(pi));

        Assert.Equal(ProviderPaymentStatus.Failed, payment.Status);
        Assert.Equal("card_declined", payment.FailureCode);
        Assert.Equal("insufficient_funds", payment.DeclineCode);
    }

    [Fact]
    public void Expandable_latest_charge_reads_as_an_id_string_or_as_the_expanded_object()
    {
        var asId = Contract.Fixture("payment_intent");
        asId["latest_charge"] = "ch_1NkX1OFTSgX8ss0HccdkMl7T";
        var expanded = Contract.Fixture("payment_intent");
        var charge = Contract.Fixture("charge");
        charge["amount_refunded"] = 300;
        expanded["latest_charge"] = charge;
        expanded["customer"] = Contract.Fixture("customer");

        var fromId = StripeJson.PaymentIntent(Parse(asId));
        var fromObject = StripeJson.PaymentIntent(Parse(expanded));

        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", fromId.ProviderChargeId);
        Assert.Null(fromId.AmountRefunded);
        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", fromObject.ProviderChargeId);
        Assert.Equal(Money.FromMinorUnits(300, Currency.USD), fromObject.AmountRefunded);
        Assert.Equal("cus_OXcFxIWwNJmgIO", fromObject.ProviderCustomerId);
    }

    [Fact]
    public void Our_payment_id_is_read_back_from_metadata()
    {
        var pi = Contract.Fixture("payment_intent");
        pi["metadata"] = new JsonObject { ["billingkit_payment_id"] = "pay_42" };

        Assert.Equal(PaymentId.From("pay_42"), StripeJson.PaymentIntent(Parse(pi)).PaymentId);
    }

    [Fact]
    public void Published_charge_reads_with_its_refunded_amount()
    {
        var payment = StripeJson.Charge(Parse(Contract.Fixture("charge")));

        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", payment.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(100, Currency.USD), payment.Amount);
        Assert.Equal(Money.Zero(Currency.USD), payment.AmountRefunded);
        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal("card_1NkX1LFTSgX8ss0HoYa5y4Dr", payment.ProviderPaymentMethodId);
    }

    [Fact]
    public void A_failed_charge_carries_the_issuer_decline_reason()
    {
        var charge = Contract.Fixture("charge");
        charge["status"] = "failed";
        charge["failure_code"] = "card_declined";
        charge["outcome"] = new JsonObject { ["type"] = "issuer_declined", ["reason"] = "do_not_honor" };

        var payment = StripeJson.Charge(Parse(charge));

        Assert.Equal(ProviderPaymentStatus.Failed, payment.Status);
        Assert.Equal("do_not_honor", payment.DeclineCode);
    }

    [Fact]
    public void Published_refund_reads_against_its_charge()
    {
        var refund = StripeJson.Refund(Parse(Contract.Fixture("refund")));

        Assert.Equal("re_1NlHWEFTSgX8ss0HovQ0l174", refund.ProviderRefundId);
        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", refund.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(100, Currency.USD), refund.Amount);
        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
    }

    [Fact]
    public void Published_customer_and_deleted_customer_read()
    {
        var customer = StripeJson.Customer(Parse(Contract.Fixture("customer")));
        var deleted = StripeJson.Customer(Parse(Contract.Fixture("deleted_customer")));

        Assert.Equal("cus_OXcFxIWwNJmgIO", customer.ProviderCustomerId);
        Assert.False(customer.IsDeleted);
        Assert.Null(customer.DefaultPaymentMethodId);
        Assert.True(deleted.IsDeleted);
        Assert.Equal("cus_OXcFxIWwNJmgIO", deleted.ProviderCustomerId);
    }

    [Fact]
    public void Published_dispute_reads_with_its_evidence_deadline()
    {
        var dispute = StripeJson.Dispute(Parse(Contract.Fixture("dispute")));

        Assert.Equal("dp_1NlHWEFTSgX8ss0HOI8i3znR", dispute.ProviderDisputeId);
        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", dispute.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(1000, Currency.USD), dispute.Amount);
        Assert.Equal(ProviderDisputeStatus.NeedsResponse, dispute.Status);
        Assert.Equal("general", dispute.Reason);
        Assert.Equal(Instant.FromUnixTimeSeconds(1695167999), dispute.EvidenceDueBy);
        Assert.False(dispute.EvidenceSubmitted);
    }

    [Fact]
    public void Published_subscription_reads()
    {
        var subscription = StripeJson.Subscription(Parse(Contract.Fixture("subscription")));

        Assert.Equal("sub_1NlHWEFTSgX8ss0HL6qeflag", subscription.ProviderSubscriptionId);
        Assert.False(subscription.CancelAtPeriodEnd);
        Assert.Equal(Instant.FromUnixTimeSeconds(1234567890), subscription.CanceledAt);
    }

    [Fact]
    public void Published_error_object_has_every_field_the_error_mapper_reads()
    {
        Assert.Subset(Contract.ErrorObjectProperties.ToHashSet(StringComparer.Ordinal), new HashSet<string>(["type", "code", "decline_code", "message", "param", "payment_intent"], StringComparer.Ordinal));
        Assert.Contains("card_error", Contract.ErrorTypes, StringComparer.Ordinal);
        Assert.Contains("idempotency_error", Contract.ErrorTypes, StringComparer.Ordinal);
    }

    [Fact]
    public void An_unknown_status_is_an_invalid_response_not_a_guess()
    {
        var pi = Contract.Fixture("payment_intent");
        pi["status"] = "teleported";

        var ex = Assert.Throws<ProviderException>(() => StripeJson.PaymentIntent(Parse(pi)));

        Assert.Equal(ProviderErrorKind.InvalidResponse, ex.Kind);
    }

    [Theory]
    [InlineData("USD", 1234L, 1234L)]
    [InlineData("JPY", 500L, 500L)]
    [InlineData("ISK", 500L, 50000L)]
    [InlineData("KWD", 1230L, 1230L)]
    public void Amounts_convert_to_Stripe_units_and_back(string code, long ours, long stripe)
    {
        var money = Money.FromMinorUnits(ours, Currency.FromCode(code));

        Assert.Equal(stripe, StripeCurrencies.ToStripeAmount(money));
        Assert.Equal(money, StripeCurrencies.FromStripeAmount(stripe, code.ToLowerInvariant()));
    }

    [Fact]
    public void A_three_decimal_amount_Stripe_cannot_represent_is_refused_before_any_request()
    {
        var ex = Assert.Throws<ProviderException>(() => StripeCurrencies.ToStripeAmount(Money.FromMinorUnits(1234, Currency.KWD)));

        Assert.Equal(ProviderErrorKind.InvalidRequest, ex.Kind);
        Assert.Contains("KWD", ex.Message);
    }

    [Fact]
    public void Every_amount_Stripe_can_take_survives_the_round_trip_exactly() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Elements(Currency.All.Where(StripeCurrencies.IsSupportedByStripe).ToArray())
                .SelectMany(c => Gen.Choose(1, int.MaxValue), (c, units) => (Currency: c, Units: c.MinorDigits == 3 ? units / 10 * 10 : units))
                .ToArbitrary(),
            sample =>
            {
                var money = Money.FromMinorUnits(sample.Units, sample.Currency);
                var stripe = StripeCurrencies.ToStripeAmount(money);
                return StripeCurrencies.FromStripeAmount(stripe, StripeCurrencies.ToStripeCode(sample.Currency)) == money
                    && (sample.Currency.Code == "ISK" ? stripe == sample.Units * 100L : stripe == sample.Units);
            }));
}
