using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BillingKit.Paystack.Internal;
using BillingKit.Paystack.Tests.Infrastructure;
using BillingKit.Providers;

namespace BillingKit.Paystack.Tests;

public sealed class PaystackHostedCheckoutTests : IDisposable
{
    private static readonly PaymentId Payment = PaymentId.From("pay_checkout_7");
    private static readonly InvoiceId Invoice = InvoiceId.From("inv_2026_0042");
    private static readonly Money Ngn12500 = Money.FromMinorUnits(1_250_050, Currency.NGN);
    private static readonly string Reference = PaystackReference.FromPaymentId(Payment);
    private readonly PaystackFixture _paystack = new();

    public void Dispose() => _paystack.Dispose();

    private static HostedCheckoutRequest Checkout(Money? amount = null, string email = "ada@example.com") =>
        new(Payment, amount ?? Ngn12500, email, new Uri("https://billing.example.com/pay/inv_2026_0042/done"), IdempotencyKey.Derive("hosted-checkout", Payment.Value))
        {
            InvoiceId = Invoice,
            CancelUrl = new Uri("https://billing.example.com/pay/inv_2026_0042"),
            CustomerName = "Ada Obi",
            Description = "Invoice INV-2026-0042",
        };

    /// <summary>Paystack's answer to an initialize, checked against the spec's TransactionInitializeResponse.</summary>
    private static string Initialized(string url = "https://checkout.paystack.com/0peioxfhpn", string accessCode = "0peioxfhpn", string? reference = null) =>
        PaystackFixture.Response("TransactionInitializeResponse", $$$"""
            {"status": true, "message": "Authorization URL created",
             "data": {"authorization_url": "{{{url}}}", "access_code": "{{{accessCode}}}", "reference": "{{{reference ?? Reference}}}"}}
            """);

    private static string Sign(string body) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(PaystackFixture.SecretKey), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task A_hosted_checkout_for_an_invoice_sends_subunits_the_currency_the_email_the_return_url_and_our_ids()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized());

        await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());

        var request = Assert.Single(_paystack.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/transaction/initialize", request.Path);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("Bearer " + PaystackFixture.SecretKey, request.Authorization);
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal(1_250_050, root.GetProperty("amount").GetInt64());
        Assert.Equal("NGN", root.GetProperty("currency").GetString());
        Assert.Equal("ada@example.com", root.GetProperty("email").GetString());
        Assert.Equal("https://billing.example.com/pay/inv_2026_0042/done", root.GetProperty("callback_url").GetString());
        Assert.Equal(Reference, root.GetProperty("reference").GetString());
        Assert.StartsWith("bk-pay-checkout-7.", Reference, StringComparison.Ordinal);
        Assert.Equal("Ada Obi", root.GetProperty("label").GetString());
        var metadata = root.GetProperty("metadata");
        Assert.Equal(JsonValueKind.Object, metadata.ValueKind);
        Assert.Equal("pay_checkout_7", metadata.GetProperty("billingkit_payment_id").GetString());
        Assert.Equal("inv_2026_0042", metadata.GetProperty("billingkit_invoice_id").GetString());
        Assert.Equal("https://billing.example.com/pay/inv_2026_0042", metadata.GetProperty("cancel_action").GetString());
        Assert.Equal("Invoice INV-2026-0042", metadata.GetProperty("description").GetString());
        Assert.Equal(IdempotencyKey.Derive("hosted-checkout", Payment.Value).Value, metadata.GetProperty("billingkit_idempotency_key").GetString());
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task A_hosted_checkout_comes_back_as_the_authorization_url_with_the_access_code_and_the_reference()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized());

        var checkout = await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.Equal(ProviderName.Paystack, checkout.Provider);
        Assert.Equal(new Uri("https://checkout.paystack.com/0peioxfhpn"), checkout.Url);
        Assert.Equal("0peioxfhpn", checkout.ProviderCheckoutId);
        Assert.Equal(Reference, checkout.ProviderPaymentId);
        Assert.Equal(Payment, checkout.PaymentId);
        Assert.Equal(Ngn12500, checkout.Amount);
        Assert.Null(checkout.ExpiresAt);
    }

    [Fact]
    public async Task A_checkout_without_a_cancel_address_name_invoice_or_description_sends_only_what_it_has()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized());
        var bare = new HostedCheckoutRequest(Payment, Money.FromMinorUnits(500, Currency.GHS), "kofi@example.com", new Uri("https://billing.example.com/done"), IdempotencyKey.New());

        await _paystack.Provider.CreateHostedCheckoutAsync(bare);

        using var body = JsonDocument.Parse(_paystack.Handler.Requests.Single().Body!);
        Assert.Equal(500, body.RootElement.GetProperty("amount").GetInt64());
        Assert.Equal("GHS", body.RootElement.GetProperty("currency").GetString());
        Assert.False(body.RootElement.TryGetProperty("label", out _));
        var metadata = body.RootElement.GetProperty("metadata");
        Assert.Equal(["billingkit_payment_id", "billingkit_idempotency_key"], metadata.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Paystack_takes_no_idempotency_header_so_none_is_sent_and_the_reference_comes_from_the_payment_not_the_key()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized()).Respond(HttpStatusCode.OK, Initialized());
        var other = new HostedCheckoutRequest(Payment, Ngn12500, "ada@example.com", new Uri("https://billing.example.com/done"), IdempotencyKey.From("another-key"));

        await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());
        await _paystack.Provider.CreateHostedCheckoutAsync(other);

        Assert.All(_paystack.Handler.Requests, r => Assert.Null(r.Header("Idempotency-Key")));
        var references = _paystack.Handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("reference").GetString()).ToList();
        Assert.Equal([Reference, Reference], references, StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_second_checkout_for_the_same_payment_is_refused_by_Paystack_as_an_invalid_request_not_a_transient_error()
    {
        // The spec's own example of the 400 that initialize answers for a reference already used.
        var example = PaystackFixture.Spec.Root.GetProperty("components").GetProperty("schemas")
            .GetProperty("TransactionInitializeBadRequestModel").GetProperty("example").GetRawText();
        _paystack.Handler.Respond(HttpStatusCode.BadRequest, example);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderName.Paystack, error.Provider);
        Assert.Equal(ProviderErrorKind.Conflict, error.Kind);
        Assert.Equal("duplicate_reference", error.Code);
        Assert.False(error.IsTransient);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(Reference, error.ProviderPaymentId);
        Assert.Equal("default", error.Account);
        Assert.Contains("new payment id", error.Message, StringComparison.Ordinal);
        Assert.Single(_paystack.Handler.Requests);
    }

    [Fact]
    public async Task A_rejected_key_is_an_unauthorized_provider_error()
    {
        var example = PaystackFixture.Spec.Root.GetProperty("components").GetProperty("responses").GetProperty("Unauthorized")
            .GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();
        _paystack.Handler.Respond(HttpStatusCode.Unauthorized, example);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain(PaystackFixture.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkout_that_met_a_Paystack_outage_is_sent_again_with_the_same_reference_and_logs_no_email_or_key()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.ServiceUnavailable, """{"status": false, "message": "Service unavailable"}""")
            .Respond(HttpStatusCode.OK, Initialized());

        var checkout = await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.Equal("0peioxfhpn", checkout.ProviderCheckoutId);
        Assert.Equal(2, _paystack.Handler.Requests.Count);
        Assert.Equal(_paystack.Handler.Requests[0].Body, _paystack.Handler.Requests[1].Body);
        Assert.NotEmpty(_paystack.Logs.Messages);
        Assert.All(_paystack.Logs.Messages, m =>
        {
            Assert.DoesNotContain(PaystackFixture.SecretKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_outage_that_outlasts_the_retries_is_a_transient_provider_error()
    {
        _paystack.Handler.Fallback = _ => BillingKit.TestUtilities.Providers.StubHttpHandler.Json(HttpStatusCode.BadGateway, """{"status": false, "message": "Bad gateway"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.ProviderUnavailable, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/checkout/0peioxfhpn")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task An_answer_without_a_usable_checkout_address_is_an_invalid_response_not_a_crash(string url)
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized(url: url));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("invalid_response", error.Code);
    }

    [Fact]
    public async Task An_answer_with_no_data_or_no_address_at_all_is_an_invalid_response()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, """{"status": true, "message": "Authorization URL created", "data": {"access_code": "0peioxfhpn", "reference": "x"}}""")
            .Respond(HttpStatusCode.OK, """{"status": true, "message": "Authorization URL created"}""");

        var noUrl = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));
        var noData = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, noUrl.Kind);
        Assert.Equal(ProviderErrorKind.InvalidResponse, noData.Kind);
    }

    [Fact]
    public async Task An_answer_for_another_reference_or_without_an_access_code_is_not_trusted()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, Initialized(reference: "someone-elses-reference"))
            .Respond(HttpStatusCode.OK, Initialized(accessCode: ""));

        var otherReference = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));
        var noAccessCode = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, otherReference.Kind);
        Assert.Contains("someone-elses-reference", otherReference.Message, StringComparison.Ordinal);
        Assert.Equal(ProviderErrorKind.InvalidResponse, noAccessCode.Kind);
    }

    [Fact]
    public async Task A_currency_the_account_does_not_settle_is_refused_before_any_request()
    {
        using var nairaOnly = new PaystackFixture(o =>
        {
            o.Currencies.Clear();
            o.Currencies.Add("NGN");
        });

        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout(Money.FromMinorUnits(1_000, Currency.EUR))));
        var error = await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => nairaOnly.Provider.CreateHostedCheckoutAsync(Checkout(Money.FromMinorUnits(1_000, Currency.KES))));

        Assert.Equal(Currency.KES, error.Currency);
        Assert.Empty(_paystack.Handler.Requests);
        Assert.Empty(nairaOnly.Handler.Requests);
    }

    [Fact]
    public async Task A_payer_without_an_email_address_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _paystack.Provider.CreateHostedCheckoutAsync(Checkout(email: "Ada Obi")));

        Assert.Contains("email", error.Message, StringComparison.Ordinal);
        Assert.Empty(_paystack.Handler.Requests);
    }

    [Fact]
    public async Task No_request_is_no_checkout()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _paystack.Provider.CreateHostedCheckoutAsync(null!));

        Assert.Empty(_paystack.Handler.Requests);
    }

    [Fact]
    public void The_adapter_claims_hosted_checkout()
    {
        Assert.True(_paystack.Provider.Capabilities.HasFlag(ProviderCapabilities.HostedCheckout));
        Assert.True(_paystack.Registry.GetProvider(ProviderName.Paystack).Capabilities.HasFlag(ProviderCapabilities.HostedCheckout));
    }

    [Fact]
    public async Task The_payment_made_on_the_checkout_comes_back_from_the_webhook_with_our_payment_id()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Initialized());
        var checkout = await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());
        using var sent = JsonDocument.Parse(_paystack.Handler.Requests.Single().Body!);

        // A charge.success as Paystack delivers it for a payment on the standard checkout: the metadata object the
        // initialize sent comes back with Paystack's own "referrer" added; the reference is the one initialize used.
        var metadata = System.Text.Json.Nodes.JsonNode.Parse(sent.RootElement.GetProperty("metadata").GetRawText())!.AsObject();
        metadata["referrer"] = "https://billing.example.com/pay/inv_2026_0042";
        var body = $$$$"""
            {"event":"charge.success","data":{"id":4099260516,"domain":"test","status":"success","reference":"{{{{checkout.ProviderPaymentId}}}}",
             "amount":1250050,"message":null,"gateway_response":"Successful","paid_at":"2026-02-03T09:15:41.000Z","created_at":"2026-02-03T09:14:02.000Z",
             "channel":"card","currency":"NGN","ip_address":"102.89.1.1","metadata":{{{{metadata.ToJsonString()}}}},
             "fees_breakdown":null,"log":null,"fees":19251,"fees_split":null,
             "authorization":{"authorization_code":"AUTH_8dfhjjdt","bin":"408408","last4":"4081","exp_month":"12","exp_year":"2030","channel":"card","card_type":"visa","bank":"TEST BANK","country_code":"NG","brand":"visa","reusable":true,"signature":"SIG_yEXu7dLBeqG0kU7g95Ke","account_name":null},
             "customer":{"id":84312,"first_name":null,"last_name":null,"email":"ada@example.com","customer_code":"CUS_hdhye17yj8qd2tx","phone":null,"metadata":null,"risk_action":"default"},
             "plan":{},"subaccount":{},"split":{},"order_id":null,"paidAt":"2026-02-03T09:15:41.000Z","requested_amount":1250050,"pos_transaction_data":null,"source":{"type":"web","source":"checkout","entry_point":"request_inline","identifier":null}}}
            """;

        var parsed = _paystack.Webhooks.Parse(new WebhookRequest(Encoding.UTF8.GetBytes(body), [new("x-paystack-signature", Sign(body))]));

        var succeeded = Assert.IsType<PaymentSucceededEvent>(parsed);
        Assert.Equal(checkout.PaymentId, succeeded.PaymentId);
        Assert.Equal(Payment, succeeded.PaymentId);
        Assert.Equal(checkout.ProviderPaymentId, succeeded.ProviderPaymentId);
        Assert.Equal(checkout.Amount, succeeded.Amount);
        Assert.Equal("CUS_hdhye17yj8qd2tx", succeeded.ProviderCustomerId);
    }

    [Fact]
    public async Task A_checkout_payment_is_found_again_from_our_payment_id_alone()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, Initialized())
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("VerifyResponse", $$$$"""
                {"status": true, "message": "Verification successful",
                 "data": {"id": 4099260516, "status": "success", "reference": "{{{{Reference}}}}", "amount": 1250050, "currency": "NGN",
                          "gateway_response": "Successful", "metadata": {"billingkit_payment_id": "pay_checkout_7"}}}
                """));
        var checkout = await _paystack.Provider.CreateHostedCheckoutAsync(Checkout());

        var resolution = await _paystack.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn12500));

        Assert.Equal(PaymentResolutionStatus.Succeeded, resolution.Status);
        Assert.Equal("/transaction/verify/" + checkout.ProviderPaymentId, _paystack.Handler.Requests[1].PathAndQuery);
        _paystack.AssertRequestsMatchSpec();
    }
}
