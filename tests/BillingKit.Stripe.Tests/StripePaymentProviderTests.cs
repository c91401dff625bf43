using System.Net;
using System.Text.Json.Nodes;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;

namespace BillingKit.Stripe.Tests;

public class StripePaymentProviderTests
{
    private static readonly StripeContract Contract = StripeContract.Instance;
    private static readonly Money Usd25 = Money.FromMinorUnits(2500, Currency.USD);

    [Fact]
    public async Task A_currency_Stripe_does_not_support_is_refused_before_any_request()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        var charge = new SavedPaymentMethodCharge(PaymentId.From("pay_1"), Money.FromMinorUnits(100, Currency.FromCode("UGX")), "cus_1", "pm_1", IdempotencyKey.From("k"));

        var ex = await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => harness.Provider.ChargeSavedPaymentMethodAsync(charge));

        Assert.Equal("UGX", ex.Currency.Code);
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task An_account_restricted_to_some_currencies_refuses_the_others_before_any_request()
    {
        var harness = new StripeHarness(o => o.Currencies.Add("EUR")).AnswerWithFixtures();

        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() =>
            harness.Provider.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("r")) { Amount = Usd25 }));

        Assert.Empty(harness.Handler.Requests);
        Assert.True(harness.Provider.SupportsCurrency(Currency.EUR));
        Assert.False(harness.Provider.SupportsCurrency(Currency.USD));
    }

    [Fact]
    public async Task A_charge_creates_a_confirmed_off_session_payment_intent_tagged_with_our_ids()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.ChargeSavedPaymentMethodAsync(new SavedPaymentMethodCharge(PaymentId.From("pay_9"), Usd25, "cus_1", "pm_1", IdempotencyKey.From("inv_1:attempt:3")) { InvoiceId = InvoiceId.From("inv_1") });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("/v1/payment_intents", request.Path);
        Assert.Equal("2500", request.Parameter("amount"));
        Assert.Equal("usd", request.Parameter("currency"));
        Assert.Equal("true", request.Parameter("confirm"));
        Assert.Equal("true", request.Parameter("off_session"));
        Assert.Equal("pay_9", request.Parameter("metadata[billingkit_payment_id]"));
        Assert.Equal("inv_1", request.Parameter("metadata[billingkit_invoice_id]"));
        Assert.Equal("latest_charge", request.Parameter("expand[]"));
        Assert.Equal("charge:inv_1:attempt:3", request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_refund_maps_the_reason_and_keeps_ours_in_metadata()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        var refund = await harness.Provider.RefundAsync(new RefundRequest("ch_1", IdempotencyKey.From("re_1")) { Amount = Money.FromMinorUnits(100, Currency.USD), Reason = RefundReason.Goodwill, Note = "outage" });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("ch_1", request.Parameter("charge"));
        Assert.Equal("100", request.Parameter("amount"));
        Assert.Null(request.Parameter("reason"));
        Assert.Equal("goodwill", request.Parameter("metadata[billingkit_reason]"));
        Assert.Equal("outage", request.Parameter("metadata[billingkit_note]"));
        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
    }

    [Fact]
    public async Task An_ISK_refund_is_sent_in_Stripes_two_decimal_form()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("re_2")) { Amount = Money.FromMinorUnits(750, Currency.FromCode("ISK")) });

        Assert.Equal("75000", Assert.Single(harness.Handler.Requests).Parameter("amount"));
    }

    [Fact]
    public async Task A_payment_id_that_is_not_Stripes_is_refused_before_any_request()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Provider.GetPaymentAsync("txn_123"));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Provider.RefundAsync(new RefundRequest("re_123", IdempotencyKey.From("k"))));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task An_unknown_charge_id_is_a_typed_not_found()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.NotFound, """{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such charge: 'ch_nope'"}}""");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(new RefundRequest("ch_nope", IdempotencyKey.From("k"))));

        Assert.Equal(ProviderErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task A_refund_above_the_charge_is_a_typed_invalid_request()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.BadRequest, """{"error":{"type":"invalid_request_error","code":"amount_too_large","param":"amount","message":"Refund amount ($30.00) is greater than charge amount ($25.00)"}}""");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(new RefundRequest("ch_1", IdempotencyKey.From("k")) { Amount = Money.FromMinorUnits(3000, Currency.USD) }));

        Assert.Equal(ProviderErrorKind.InvalidRequest, ex.Kind);
        Assert.Contains("amount", ex.Message);
    }

    [Fact]
    public async Task Cancelling_now_deletes_and_at_period_end_sets_the_flag()
    {
        var harness = new StripeHarness().AnswerWithFixtures((resource, json) =>
        {
            json["cancel_at_period_end"] = true;
            json["ended_at"] = null;
            json["cancel_at"] = null;
            json["current_period_end"] = 1769904000;
            return json;
        });

        await harness.Provider.CancelSubscriptionAsync(new SubscriptionCancellation("sub_1", SubscriptionCancellationTiming.Immediately, IdempotencyKey.From("c1")));
        var later = await harness.Provider.CancelSubscriptionAsync(new SubscriptionCancellation("sub_1", SubscriptionCancellationTiming.AtPeriodEnd, IdempotencyKey.From("c2")));

        Assert.Equal(HttpMethod.Delete, harness.Handler.Requests[0].Method);
        Assert.Equal(HttpMethod.Post, harness.Handler.Requests[1].Method);
        Assert.Equal("true", harness.Handler.Requests[1].Parameter("cancel_at_period_end"));
        Assert.True(later.CancelAtPeriodEnd);
        Assert.Equal(NodaTime.Instant.FromUnixTimeSeconds(1769904000), later.EndsAt);
    }

    [Fact]
    public async Task Dispute_evidence_is_sent_as_nested_parameters_and_submitted()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.SubmitDisputeEvidenceAsync(new DisputeEvidence("dp_1", IdempotencyKey.From("d")) { ProductDescription = "Pro plan", CustomerPhone = "+1 555" });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("Pro plan", request.Parameter("evidence[product_description]"));
        Assert.Equal("Customer phone: +1 555", request.Parameter("evidence[uncategorized_text]"));
        Assert.Equal("true", request.Parameter("submit"));
    }

    [Fact]
    public async Task Reconciliation_with_the_provider_id_reads_the_payment_and_checks_the_amount()
    {
        var harness = new StripeHarness().AnswerWithFixtures((_, pi) =>
        {
            pi["status"] = "succeeded";
            pi["amount"] = 2500;
            return pi;
        });

        var resolved = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_1"), Usd25) { ProviderPaymentId = "pi_1" });
        var mismatch = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_1"), Money.FromMinorUnits(2600, Currency.USD)) { ProviderPaymentId = "pi_1" });

        Assert.Equal(PaymentResolutionStatus.Succeeded, resolved.Status);
        Assert.Equal(PaymentResolutionStatus.Mismatch, mismatch.Status);
    }

    [Fact]
    public async Task Reconciliation_without_the_provider_id_searches_by_our_payment_id()
    {
        var harness = new StripeHarness();
        var failed = Contract.Fixture("payment_intent");
        failed["id"] = "pi_old";
        failed["amount"] = 2500;
        failed["created"] = 100;
        failed["last_payment_error"] = new JsonObject { ["code"] = "card_declined", ["decline_code"] = "do_not_honor" };
        var processing = Contract.Fixture("payment_intent");
        processing["id"] = "pi_new";
        processing["amount"] = 2500;
        processing["status"] = "processing";
        harness.Handler.Respond(HttpStatusCode.OK, StripeHarness.List("search_result", "/v1/payment_intents/search", failed, processing).ToJsonString())
            .Respond(HttpStatusCode.OK, StripeHarness.List("search_result", "/v1/payment_intents/search").ToJsonString());

        var found = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_1"), Usd25));
        var missing = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_2"), Usd25));

        Assert.Equal(PaymentResolutionStatus.StillProcessing, found.Status);
        Assert.Equal("pi_new", found.Payment!.ProviderPaymentId);
        Assert.Equal(PaymentResolutionStatus.NotFound, missing.Status);
        Assert.Equal("metadata['billingkit_payment_id']:'pay_1'", harness.Handler.Requests[0].Parameter("query"));
    }

    [Fact]
    public async Task Reconciliation_of_an_id_Stripe_does_not_know_is_not_found_not_a_guess()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.NotFound, """{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such payment_intent"}}""");

        var resolution = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_1"), Usd25) { ProviderPaymentId = "pi_gone" });

        Assert.Equal(PaymentResolutionStatus.NotFound, resolution.Status);
        Assert.Null(resolution.Payment);
    }

    [Fact]
    public void Capabilities_cover_every_operation()
    {
        var harness = new StripeHarness();
        var all = Enum.GetValues<ProviderCapabilities>().Aggregate((a, b) => a | b);

        Assert.Equal(all, harness.Provider.Capabilities);
    }
}
