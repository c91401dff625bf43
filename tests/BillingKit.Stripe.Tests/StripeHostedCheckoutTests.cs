using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Stripe.Tests;

/// <summary>The hosted checkout link: a Stripe Checkout Session in payment mode for one expected payment.</summary>
public class StripeHostedCheckoutTests
{
    private const string WebhookSecret = "whsec_test_checkout_0123456789";
    private static readonly StripeContract Contract = StripeContract.Instance;
    private static readonly Money Usd42 = Money.FromMinorUnits(4250, Currency.USD);
    private static readonly Uri ReturnUrl = new("https://billing.example.com/invoices/inv_42/paid");

    private static HostedCheckoutRequest ForInvoice(Money? amount = null, string key = "inv_42:checkout:1", string? description = null) =>
        new(PaymentId.From("pay_42"), amount ?? Usd42, "jenny@example.com", ReturnUrl, IdempotencyKey.From(key))
        {
            InvoiceId = InvoiceId.From("inv_42"),
            Description = description,
        };

    [Fact]
    public async Task A_hosted_checkout_for_an_invoice_sends_one_payment_line_in_minor_units_tagged_with_our_ids()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.CreateHostedCheckoutAsync(ForInvoice(description: "Invoice INV-2026-0042"));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/checkout/sessions", request.Path);
        Assert.Empty(Contract.Violations(request));
        Assert.Equal("payment", request.Parameter("mode"));
        Assert.Equal("usd", request.Parameter("line_items[0][price_data][currency]"));
        Assert.Equal("4250", request.Parameter("line_items[0][price_data][unit_amount]"));
        Assert.Equal("Invoice INV-2026-0042", request.Parameter("line_items[0][price_data][product_data][name]"));
        Assert.Equal("1", request.Parameter("line_items[0][quantity]"));
        Assert.Equal(ReturnUrl.AbsoluteUri, request.Parameter("success_url"));
        Assert.Equal(ReturnUrl.AbsoluteUri, request.Parameter("cancel_url"));
        Assert.Equal("jenny@example.com", request.Parameter("customer_email"));
        Assert.Null(request.Parameter("customer"));
        Assert.Equal("inv_42", request.Parameter("client_reference_id"));
        Assert.Equal("pay_42", request.Parameter("metadata[billingkit_payment_id]"));
        Assert.Equal("inv_42", request.Parameter("metadata[billingkit_invoice_id]"));
        Assert.Equal("pay_42", request.Parameter("payment_intent_data[metadata][billingkit_payment_id]"));
        Assert.Equal("inv_42", request.Parameter("payment_intent_data[metadata][billingkit_invoice_id]"));
        Assert.Equal("Invoice INV-2026-0042", request.Parameter("payment_intent_data[description]"));
        Assert.Null(request.Parameter("expires_at"));
        Assert.Equal("checkout:inv_42:checkout:1", request.Header("Idempotency-Key"));
        Assert.Equal("Bearer " + StripeHarness.TestKey, request.Authorization);
    }

    [Fact]
    public async Task Without_a_description_the_line_is_named_after_the_invoice_or_else_the_payment()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());
        await harness.Provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(PaymentId.From("pay_43"), Usd42, "jenny@example.com", ReturnUrl, IdempotencyKey.From("k43")));

        Assert.Equal("Invoice inv_42", harness.Handler.Requests[0].Parameter("line_items[0][price_data][product_data][name]"));
        var withoutInvoice = harness.Handler.Requests[1];
        Assert.Equal("Payment pay_43", withoutInvoice.Parameter("line_items[0][price_data][product_data][name]"));
        Assert.Null(withoutInvoice.Parameter("client_reference_id"));
        Assert.Null(withoutInvoice.Parameter("metadata[billingkit_invoice_id]"));
        Assert.Null(withoutInvoice.Parameter("payment_intent_data[metadata][billingkit_invoice_id]"));
        Assert.Equal("pay_43", withoutInvoice.Parameter("payment_intent_data[metadata][billingkit_payment_id]"));
        Assert.All(harness.Handler.Requests, r => Assert.Empty(Contract.Violations(r)));
    }

    [Fact]
    public async Task A_checkout_for_a_customer_Stripe_already_holds_attaches_it_instead_of_the_email_and_has_its_own_cancel_address()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        var cancel = new Uri("https://billing.example.com/invoices/inv_42");

        await harness.Provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(PaymentId.From("pay_42"), Usd42, "jenny@example.com", ReturnUrl, IdempotencyKey.From("k"))
        {
            ProviderCustomerId = "cus_OXcFxIWwNJmgIO",
            CancelUrl = cancel,
        });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Empty(Contract.Violations(request));
        Assert.Equal("cus_OXcFxIWwNJmgIO", request.Parameter("customer"));
        Assert.Null(request.Parameter("customer_email"));
        Assert.Equal(cancel.AbsoluteUri, request.Parameter("cancel_url"));
        Assert.Equal(ReturnUrl.AbsoluteUri, request.Parameter("success_url"));
    }

    [Theory]
    [InlineData("JPY", 5000, "5000")]
    [InlineData("ISK", 7, "700")]
    [InlineData("KWD", 12340, "12340")]
    public async Task The_amount_goes_in_Stripe_units_of_its_currency(string code, long minorUnits, string expected)
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        var currency = Currency.FromCode(code);

        await harness.Provider.CreateHostedCheckoutAsync(ForInvoice(Money.FromMinorUnits(minorUnits, currency)));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal(expected, request.Parameter("line_items[0][price_data][unit_amount]"));
        Assert.Equal(code.ToLowerInvariant(), request.Parameter("line_items[0][price_data][currency]"));
    }

    [Fact]
    public async Task A_created_session_maps_to_the_page_address_its_id_and_expiry_with_our_payment_and_amount()
    {
        var harness = new StripeHarness().AnswerWithFixtures((_, session) =>
        {
            session["id"] = "cs_test_a1b2c3";
            session["url"] = "https://checkout.stripe.com/c/pay/cs_test_a1b2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0";
            session["expires_at"] = 1767312000;
            session["payment_intent"] = null;
            return session;
        });

        var checkout = await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());

        Assert.Equal(ProviderName.Stripe, checkout.Provider);
        Assert.Equal("cs_test_a1b2c3", checkout.ProviderCheckoutId);
        Assert.Equal(new Uri("https://checkout.stripe.com/c/pay/cs_test_a1b2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0"), checkout.Url);
        Assert.Equal(Instant.FromUnixTimeSeconds(1767312000), checkout.ExpiresAt);
        Assert.Equal(PaymentId.From("pay_42"), checkout.PaymentId);
        Assert.Equal(Usd42, checkout.Amount);
        Assert.Null(checkout.ProviderPaymentId);
    }

    [Fact]
    public async Task The_published_example_session_maps_too()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        var fixture = Contract.Fixture("checkout.session");

        var checkout = await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());

        Assert.Equal(fixture["id"]!.GetValue<string>(), checkout.ProviderCheckoutId);
        Assert.Equal(fixture["url"]!.GetValue<string>(), checkout.Url.AbsoluteUri);
        Assert.Equal(Instant.FromUnixTimeSeconds(fixture["expires_at"]!.GetValue<long>()), checkout.ExpiresAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/c/pay/cs_test_relative")]
    [InlineData("http://checkout.stripe.com/c/pay/cs_test_plain")]
    public async Task A_session_without_a_usable_url_is_a_provider_error_not_a_null(string? url)
    {
        var harness = new StripeHarness().AnswerWithFixtures((_, session) =>
        {
            session["url"] = url;
            return session;
        });

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.CreateHostedCheckoutAsync(ForInvoice()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, ex.Kind);
        Assert.Equal(ProviderName.Stripe, ex.Provider);
        Assert.Contains("url", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"error":{"type":"invalid_request_error","code":"amount_too_small","param":"line_items[0][price_data][unit_amount]","message":"The Checkout Session's total amount due must add up to at least $0.50 usd"}}""", ProviderErrorKind.InvalidRequest, "amount_too_small")]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_***"}}""", ProviderErrorKind.Unauthorized, "invalid_request_error")]
    [InlineData(HttpStatusCode.BadRequest, """{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}""", ProviderErrorKind.Conflict, "idempotency_error")]
    [InlineData(HttpStatusCode.NotFound, """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"customer","message":"No such customer: 'cus_gone'"}}""", ProviderErrorKind.NotFound, "resource_missing")]
    public async Task A_refused_checkout_is_a_provider_exception_of_the_right_kind(HttpStatusCode status, string body, ProviderErrorKind kind, string code)
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(status, body);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.CreateHostedCheckoutAsync(ForInvoice()));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(code, ex.Code);
        Assert.False(ex.IsTransient);
        Assert.Equal((int)status, ex.HttpStatus);
        Assert.Equal("req_test123", ex.RequestId);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task A_rate_limited_checkout_is_retried_with_the_same_idempotency_key()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests"}}""");

        var checkout = await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());

        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.All(harness.Handler.Requests, r => Assert.Equal("checkout:inv_42:checkout:1", r.Header("Idempotency-Key")));
        Assert.StartsWith("cs_", checkout.ProviderCheckoutId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_with_the_same_key_sends_the_same_request_and_key_so_Stripe_returns_the_same_session()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        var first = await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());
        var second = await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());
        await harness.Provider.CreateHostedCheckoutAsync(ForInvoice(key: "inv_42:checkout:2"));

        var requests = harness.Handler.Requests;
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
        Assert.Equal("checkout:inv_42:checkout:2", requests[2].Header("Idempotency-Key"));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_currency_Stripe_does_not_settle_is_refused_before_any_request()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        var ex = await Assert.ThrowsAsync<UnsupportedCurrencyException>(() =>
            harness.Provider.CreateHostedCheckoutAsync(ForInvoice(Money.FromMinorUnits(10_000, Currency.FromCode("UGX")))));

        Assert.Equal("UGX", ex.Currency.Code);
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task An_account_restricted_to_euros_refuses_a_dollar_checkout_before_any_request()
    {
        var harness = new StripeHarness(o => o.Currencies.Add("EUR")).AnswerWithFixtures();

        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => harness.Provider.CreateHostedCheckoutAsync(ForInvoice()));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task A_three_decimal_amount_Stripe_cannot_take_is_refused_before_any_request()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        var ex = await Assert.ThrowsAsync<ProviderException>(() =>
            harness.Provider.CreateHostedCheckoutAsync(ForInvoice(Money.FromMinorUnits(12_345, Currency.FromCode("KWD")))));

        Assert.Equal(ProviderErrorKind.InvalidRequest, ex.Kind);
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task A_null_request_is_refused_before_any_request()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Provider.CreateHostedCheckoutAsync(null!));

        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public void The_adapter_claims_hosted_checkout()
    {
        var harness = new StripeHarness();

        Assert.True(harness.Provider.Capabilities.HasFlag(ProviderCapabilities.HostedCheckout));
    }

    [Theory]
    [InlineData(120, 120)] // two hours: inside Stripe's window, sent as asked
    [InlineData(10, 35)] // ten minutes: Stripe wants at least 30; kept 5 minutes inside
    [InlineData(-60, 35)] // already past: the earliest Stripe accepts, plus the margin
    [InlineData(3 * 24 * 60, 23 * 60 + 55)] // three days: Stripe allows at most 24 hours; kept 5 minutes inside
    public async Task A_requested_expiry_is_kept_inside_Stripes_window_of_30_minutes_to_24_hours(int requestedMinutes, int sentMinutes)
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        harness.Clock.Set(Instant.FromUtc(2026, 3, 1, 9, 0));
        var now = harness.Clock.GetCurrentInstant();

        await harness.Provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(PaymentId.From("pay_42"), Usd42, "jenny@example.com", ReturnUrl, IdempotencyKey.From("k"))
        {
            ExpiresAt = now + Duration.FromMinutes(requestedMinutes),
        });

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Empty(Contract.Violations(request));
        Assert.Equal((now + Duration.FromMinutes(sentMinutes)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Parameter("expires_at"));
    }

    [Fact]
    public void Any_requested_expiry_is_sent_inside_the_window_as_asked_or_moved_to_a_whole_minute() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Choose(-3 * 24 * 3600, 3 * 24 * 3600).SelectMany(s => Gen.Choose(0, 999), (s, ms) => Duration.FromSeconds(s) + Duration.FromMilliseconds(ms))
                .SelectMany(_ => Gen.Choose(0, 999), (offset, nowMs) => (Offset: offset, Now: Instant.FromUtc(2026, 3, 1, 9, 0) + Duration.FromMilliseconds(nowMs)))
                .ToArbitrary(),
            sample =>
            {
                var requested = sample.Now + sample.Offset;
                var sent = StripeRequests.CheckoutExpiry(requested, sample.Now);
                var earliest = sample.Now + Duration.FromMinutes(35);
                var latest = sample.Now + Duration.FromHours(24) - Duration.FromMinutes(5);
                var whole = sent == Instant.FromUnixTimeSeconds(sent.ToUnixTimeSeconds());
                var inside = sent >= earliest && sent <= latest;
                var asAsked = Duration.Max(sent - requested, requested - sent) < Duration.FromSeconds(1);
                var movedToMinute = sent.ToUnixTimeSeconds() % 60 == 0;
                var kept = requested >= earliest && requested <= latest ? asAsked : movedToMinute;
                return whole && inside && kept;
            }));

    [Fact]
    public async Task A_retry_with_the_same_key_seconds_later_sends_the_same_moved_expiry_so_Stripe_does_not_refuse_the_key()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        harness.Clock.Set(Instant.FromUtc(2026, 3, 1, 9, 0, 5));
        var request = new HostedCheckoutRequest(PaymentId.From("pay_42"), Usd42, "jenny@example.com", ReturnUrl, IdempotencyKey.From("k"))
        {
            ExpiresAt = Instant.FromUtc(2026, 3, 8, 0, 0),
        };

        await harness.Provider.CreateHostedCheckoutAsync(request);
        harness.Clock.Advance(Duration.FromSeconds(20));
        await harness.Provider.CreateHostedCheckoutAsync(request);

        var requests = harness.Handler.Requests;
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 8, 55).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), requests[0].Parameter("expires_at"));
    }

    [Fact]
    public async Task A_payment_made_on_the_checkout_reports_our_payment_id_in_payment_intent_succeeded()
    {
        // The PaymentIntent Checkout creates when the customer pays takes its metadata from
        // payment_intent_data[metadata]: build the event's PaymentIntent from what the adapter actually sent.
        var harness = new StripeHarness().AnswerWithFixtures();
        await harness.Provider.CreateHostedCheckoutAsync(ForInvoice());
        var sent = Assert.Single(harness.Handler.Requests);
        var metadata = new JsonObject();
        foreach (var (key, value) in sent.Parameters.Where(p => p.Key.StartsWith("payment_intent_data[metadata][", StringComparison.Ordinal)))
        {
            metadata[key["payment_intent_data[metadata][".Length..^1]] = value;
        }

        var pi = CheckoutPaymentIntent(metadata);
        var parser = Parser(harness.Clock);

        var e = Assert.IsType<PaymentSucceededEvent>(parser.Parse(Signed(Event("payment_intent.succeeded", pi, harness.Clock), harness.Clock)));

        Assert.Equal(PaymentId.From("pay_42"), e.PaymentId);
        Assert.Equal("pi_3OcheckoutPaid0001", e.ProviderPaymentId);
        Assert.Equal("ch_3OcheckoutPaid0001", e.ProviderChargeId);
        Assert.Equal(Usd42, e.Amount);
    }

    [Fact]
    public void The_checkout_session_completed_event_beside_it_is_not_a_second_payment()
    {
        var clock = FakeClock.AtNewYear2026();
        var session = Contract.Fixture("checkout.session");
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["amount_total"] = 4250;
        session["currency"] = "usd";
        session["payment_intent"] = "pi_3OcheckoutPaid0001";
        session["client_reference_id"] = "inv_42";
        session["metadata"] = new JsonObject { ["billingkit_payment_id"] = "pay_42", ["billingkit_invoice_id"] = "inv_42" };

        var e = Parser(clock).Parse(Signed(Event("checkout.session.completed", session, clock), clock));

        Assert.IsType<UnmappedEvent>(e);
    }

    [Fact]
    public async Task After_the_customer_paid_reconciliation_finds_the_checkout_payment_by_our_payment_id()
    {
        var harness = new StripeHarness();
        var paid = CheckoutPaymentIntent(new JsonObject { ["billingkit_payment_id"] = "pay_42", ["billingkit_invoice_id"] = "inv_42" });
        harness.Handler.Respond(HttpStatusCode.OK, StripeHarness.List("search_result", "/v1/payment_intents/search", paid).ToJsonString());

        var resolution = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_42"), Usd42));

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("/v1/payment_intents/search", request.Path);
        Assert.Equal("metadata['billingkit_payment_id']:'pay_42'", request.Parameter("query"));
        Assert.Equal(PaymentResolutionStatus.Succeeded, resolution.Status);
        Assert.Equal("pi_3OcheckoutPaid0001", resolution.Payment!.ProviderPaymentId);
        Assert.Equal(PaymentId.From("pay_42"), resolution.Payment.PaymentId);
    }

    [Fact]
    public async Task Before_the_customer_pays_reconciliation_finds_nothing_rather_than_guessing()
    {
        // Checkout creates the PaymentIntent only when the customer submits the page.
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.OK, StripeHarness.List("search_result", "/v1/payment_intents/search").ToJsonString());

        var resolution = await harness.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_42"), Usd42));

        Assert.Equal(PaymentResolutionStatus.NotFound, resolution.Status);
    }

    /// <summary>A PaymentIntent as Checkout leaves it after a card payment (API 2023-08-16): Stripe's published example
    /// with the fields Checkout sets.</summary>
    private static JsonObject CheckoutPaymentIntent(JsonObject metadata)
    {
        var pi = Contract.Fixture("payment_intent");
        pi["id"] = "pi_3OcheckoutPaid0001";
        pi["amount"] = 4250;
        pi["amount_received"] = 4250;
        pi["amount_capturable"] = 0;
        pi["currency"] = "usd";
        pi["status"] = "succeeded";
        pi["capture_method"] = "automatic";
        pi["confirmation_method"] = "automatic";
        pi["customer"] = null;
        pi["description"] = "Invoice inv_42";
        pi["latest_charge"] = "ch_3OcheckoutPaid0001";
        pi["payment_method"] = "pm_1OcheckoutCard0001";
        pi["payment_method_types"] = new JsonArray("card");
        pi["receipt_email"] = "jenny@example.com";
        pi["metadata"] = metadata;
        return pi;
    }

    private static StripeWebhookParser Parser(FakeClock clock)
    {
        var options = new StripeOptions();
        options.WebhookSecrets.Add(WebhookSecret);
        return new StripeWebhookParser("default", options, clock);
    }

    private static byte[] Event(string type, JsonObject obj, FakeClock clock)
    {
        var envelope = Contract.Fixture("event");
        envelope["id"] = "evt_3OcheckoutPaid0001";
        envelope["type"] = type;
        envelope["created"] = clock.GetCurrentInstant().ToUnixTimeSeconds();
        envelope["data"] = new JsonObject { ["object"] = obj };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private static WebhookRequest Signed(byte[] body, FakeClock clock)
    {
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds();
        return new(body, [new("stripe-signature", $"t={timestamp},v1={StripeWebhookParser.Sign(WebhookSecret, timestamp, body)}")]);
    }
}
