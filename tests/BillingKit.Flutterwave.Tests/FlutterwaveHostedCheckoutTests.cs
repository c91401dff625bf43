using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BillingKit.Flutterwave.Tests.Infrastructure;
using BillingKit.Providers;
using BillingKit.TestUtilities.Providers;
using NodaTime;

namespace BillingKit.Flutterwave.Tests;

public sealed class FlutterwaveHostedCheckoutTests : IDisposable
{
    private const string Link = "https://checkout.flutterwave.com/v3/hosted/pay/f524c1196ffda5556341";
    private const string NoTransaction = """{"status": "error", "message": "No transaction was found for this id", "data": null}""";

    private static readonly PaymentId Payment = PaymentId.From("pay_42");
    private static readonly InvoiceId Invoice = InvoiceId.From("inv_7");
    private static readonly Money Ngn1050 = Money.FromMinorUnits(1050, Currency.NGN);
    private static readonly Uri ReturnUrl = new("https://billing.example.com/pay/return?invoice=inv_7");

    private readonly FlutterwaveFixture _flutterwave = new();

    public void Dispose() => _flutterwave.Dispose();

    private static HostedCheckoutRequest Checkout(Money? amount = null, string? description = "Invoice INV-2026-0042", InvoiceId? invoice = null, string? name = "Ada Obi") =>
        new(Payment, amount ?? Ngn1050, "ada@example.com", ReturnUrl, IdempotencyKey.Derive("checkout", "pay_42"))
        {
            InvoiceId = invoice ?? Invoice,
            CustomerName = name,
            Description = description,
        };

    private static string HostedLink(string? link = Link) =>
        $$"""{"status": "success", "message": "Hosted Link", "data": {{(link is null ? "{}" : $$"""{"link": "{{link}}"}""")}} }""";

    /// <summary>The reference look-up finds nothing (a new payment), then Flutterwave answers with the link.</summary>
    private void ScriptNewCheckout(string answer) =>
        _flutterwave.Handler.Respond(HttpStatusCode.BadRequest, NoTransaction).Respond(HttpStatusCode.OK, answer);

    private RecordedRequest CheckoutRequest() => Assert.Single(_flutterwave.Handler.Requests, r => r.Method == HttpMethod.Post);

    [Fact]
    public async Task A_hosted_checkout_for_an_invoice_sends_our_reference_major_amount_currency_email_return_url_and_ids()
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());

        var request = CheckoutRequest();
        Assert.Equal("/v3/payments", request.PathAndQuery);
        Assert.Equal("Bearer " + FlutterwaveFixture.SecretKey, request.Authorization);
        Assert.Equal("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.Equal("bk_pay_42", root.GetProperty("tx_ref").GetString());
        Assert.Equal("10.50", root.GetProperty("amount").GetRawText());
        Assert.Equal("NGN", root.GetProperty("currency").GetString());
        Assert.Equal(ReturnUrl.AbsoluteUri, root.GetProperty("redirect_url").GetString());
        Assert.Equal("ada@example.com", root.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("Ada Obi", root.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("Invoice INV-2026-0042", root.GetProperty("customizations").GetProperty("description").GetString());
        Assert.Equal("pay_42", root.GetProperty("meta").GetProperty("billingkit_payment_id").GetString());
        Assert.Equal("inv_7", root.GetProperty("meta").GetProperty("billingkit_invoice_id").GetString());
        Assert.Equal(IdempotencyKey.Derive("checkout", "pay_42").Value, root.GetProperty("meta").GetProperty("billingkit_idempotency_key").GetString());
        Assert.False(root.TryGetProperty("session_duration", out _));
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_hosted_checkout_maps_the_link_to_the_url_and_our_reference_to_the_ids()
    {
        ScriptNewCheckout(HostedLink());

        var checkout = await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.Equal(ProviderName.Flutterwave, checkout.Provider);
        Assert.Equal(new Uri(Link), checkout.Url);
        Assert.Equal("bk_pay_42", checkout.ProviderCheckoutId);
        Assert.Equal("bk_pay_42", checkout.ProviderPaymentId);
        Assert.Equal(Payment, checkout.PaymentId);
        Assert.Equal(Ngn1050, checkout.Amount);
        Assert.Null(checkout.ExpiresAt);
    }

    [Theory]
    [InlineData(5000L, "UGX", "5000")]
    [InlineData(123456L, "KES", "1234.56")]
    [InlineData(7L, "USD", "0.07")]
    public async Task The_amount_goes_in_major_units_with_exactly_the_currency_decimals(long minor, string currency, string expected)
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout(Money.FromMinorUnits(minor, Currency.FromCode(currency))));

        using var body = JsonDocument.Parse(CheckoutRequest().Body!);
        Assert.Equal(expected, body.RootElement.GetProperty("amount").GetRawText());
        Assert.Equal(currency, body.RootElement.GetProperty("currency").GetString());
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task Before_creating_the_link_the_reference_of_our_payment_is_looked_up()
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.Equal("/v3/transactions/verify_by_reference?tx_ref=bk_pay_42", _flutterwave.Handler.Requests[0].PathAndQuery);
        Assert.Equal(HttpMethod.Get, _flutterwave.Handler.Requests[0].Method);
        Assert.Equal(2, _flutterwave.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_checkout_without_description_names_the_invoice_and_without_a_name_sends_only_the_email()
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout(description: null, name: null));

        using var body = JsonDocument.Parse(CheckoutRequest().Body!);
        Assert.Equal("Invoice inv_7", body.RootElement.GetProperty("customizations").GetProperty("description").GetString());
        Assert.False(body.RootElement.GetProperty("customer").TryGetProperty("name", out _));
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_checkout_without_an_invoice_names_the_payment_and_stores_no_invoice_id()
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(Payment, Ngn1050, "ada@example.com", ReturnUrl, IdempotencyKey.Derive("checkout", "pay_42")));

        using var body = JsonDocument.Parse(CheckoutRequest().Body!);
        Assert.Equal("Payment pay_42", body.RootElement.GetProperty("customizations").GetProperty("description").GetString());
        Assert.False(body.RootElement.GetProperty("meta").TryGetProperty("billingkit_invoice_id", out _));
        Assert.Equal("pay_42", body.RootElement.GetProperty("meta").GetProperty("billingkit_payment_id").GetString());
        _flutterwave.AssertRequestsMatchContract();
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(30 * 60, 1440)]
    public async Task A_requested_expiry_is_sent_as_a_session_in_whole_minutes_up_to_a_day(int minutesFromNow, long expected)
    {
        ScriptNewCheckout(HostedLink());
        var expiresAt = _flutterwave.Clock.Now + Duration.FromMinutes(minutesFromNow) + Duration.FromSeconds(59);

        var checkout = await _flutterwave.Provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(Payment, Ngn1050, "ada@example.com", ReturnUrl, IdempotencyKey.New()) { ExpiresAt = expiresAt });

        using var body = JsonDocument.Parse(CheckoutRequest().Body!);
        Assert.Equal(expected, body.RootElement.GetProperty("session_duration").GetInt64());
        Assert.Null(checkout.ExpiresAt);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task An_expiry_less_than_a_minute_away_is_refused_before_any_request()
    {
        var request = new HostedCheckoutRequest(Payment, Ngn1050, "ada@example.com", ReturnUrl, IdempotencyKey.New()) { ExpiresAt = _flutterwave.Clock.Now + Duration.FromSeconds(30) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(request));

        Assert.Contains("at least a minute", error.Message, StringComparison.Ordinal);
        Assert.Empty(_flutterwave.Handler.Requests);
    }

    [Theory]
    [InlineData("JPY")]
    [InlineData("KWD")]
    public async Task A_currency_Flutterwave_does_not_take_is_refused_with_no_request_sent(string code)
    {
        var currency = Currency.FromCode(code);

        var error = await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout(Money.FromMinorUnits(1000, currency))));

        Assert.Equal(currency, error.Currency);
        Assert.Empty(_flutterwave.Handler.Requests);
    }

    [Fact]
    public async Task A_currency_outside_the_accounts_list_is_refused_with_no_request_sent()
    {
        using var kenya = new FlutterwaveFixture(o =>
        {
            o.Currencies.Clear();
            o.Currencies.Add("KES");
        });

        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => kenya.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Empty(kenya.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "Invalid authorization key", ProviderErrorKind.Unauthorized, false)]
    [InlineData(HttpStatusCode.BadRequest, "Invalid currency provided", ProviderErrorKind.InvalidRequest, false)]
    [InlineData(HttpStatusCode.BadRequest, "Duplicate transaction reference", ProviderErrorKind.Conflict, false)]
    [InlineData(HttpStatusCode.TooManyRequests, "Too many requests", ProviderErrorKind.RateLimited, true)]
    public async Task A_refusal_of_the_checkout_is_a_provider_exception_of_the_right_kind(HttpStatusCode status, string message, ProviderErrorKind kind, bool transient)
    {
        _flutterwave.Handler.Respond(HttpStatusCode.BadRequest, NoTransaction);
        _flutterwave.Handler.Fallback = _ => StubHttpHandler.Json(status, $$"""{"status": "error", "message": "{{message}}", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(ProviderName.Flutterwave, error.Provider);
        Assert.Equal((int)status, error.HttpStatus);
        Assert.DoesNotContain(FlutterwaveFixture.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/v3/hosted/pay/f524c1196ffda5556341")]
    [InlineData("http://checkout.flutterwave.com/v3/hosted/pay/f524c1196ffda5556341")]
    public async Task An_answer_without_a_usable_link_is_an_invalid_response(string? link)
    {
        ScriptNewCheckout(HostedLink(link));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_answer_without_data_is_an_invalid_response()
    {
        ScriptNewCheckout("""{"status": "success", "message": "Hosted Link", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, error.Kind);
    }

    [Theory]
    [InlineData("successful")]
    [InlineData("pending")]
    [InlineData("failed")]
    public async Task A_payment_that_already_has_a_Flutterwave_transaction_gets_no_second_link(string status)
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(status: status));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout()));

        Assert.Equal(ProviderErrorKind.Conflict, error.Kind);
        Assert.Equal("duplicate_reference", error.Code);
        Assert.False(error.IsTransient);
        Assert.Equal("288200108", error.ProviderPaymentId);
        Assert.Contains("new payment", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_flutterwave.Handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task After_a_5xx_the_checkout_is_asked_again_and_only_the_link_of_the_answer_is_returned()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.BadRequest, NoTransaction)
            .Respond(HttpStatusCode.BadGateway, """{"status": "error", "message": "upstream", "data": null}""")
            .Respond(HttpStatusCode.OK, HostedLink());

        var checkout = await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.Equal(new Uri(Link), checkout.Url);
        Assert.Equal(2, _flutterwave.Handler.Requests.Count(r => r.Method == HttpMethod.Post));
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public void The_provider_claims_the_hosted_checkout_capability()
    {
        Assert.True(_flutterwave.Provider.Capabilities.HasFlag(ProviderCapabilities.HostedCheckout));
    }

    [Fact]
    public async Task Neither_the_secret_key_nor_the_customer_email_reaches_the_logs()
    {
        ScriptNewCheckout(HostedLink());

        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());

        Assert.NotEmpty(_flutterwave.Logs.Messages);
        Assert.All(_flutterwave.Logs.Messages, m =>
        {
            Assert.DoesNotContain(FlutterwaveFixture.SecretKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", m, StringComparison.Ordinal);
        });
    }

    /// <summary>A <c>charge.completed</c> delivery for a bank transfer the customer made on the hosted page: Flutterwave
    /// reports the checkout's <c>tx_ref</c> and echoes the checkout's <c>meta</c> as <c>meta_data</c>.</summary>
    private const string CheckoutChargeCompleted = """{"event":"charge.completed","data":{"id":4975363,"tx_ref":"bk_pay_42","flw_ref":"1700574542513-FLW-MOCK-REF","device_fingerprint":"N/A","amount":10.5,"currency":"NGN","charged_amount":10.5,"app_fee":0.15,"merchant_fee":0,"processor_response":"success","auth_model":"AUTH","ip":"72.140.222.142","narration":"Invoice INV-2026-0042","status":"successful","payment_type":"bank_transfer","created_at":"2026-01-01T10:05:13.000Z","account_id":17321,"customer":{"id":215604089,"name":"Ada Obi","phone_number":"N/A","email":"ada@example.com","created_at":"2025-07-15T14:31:15.000Z"}},"meta_data":{"billingkit_payment_id":"pay_42","billingkit_invoice_id":"inv_7","__CheckoutInitAddress":"https://checkout.flutterwave.com/v3/hosted/pay"},"event.type":"BANK_TRANSFER_TRANSACTION"}""";

    [Fact]
    public async Task The_payment_made_through_the_checkout_comes_back_in_the_webhook_with_our_payment_id()
    {
        ScriptNewCheckout(HostedLink());
        var checkout = await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FlutterwaveFixture.SecretHash), Encoding.UTF8.GetBytes(CheckoutChargeCompleted)));

        var parsed = _flutterwave.Webhooks.Parse(new WebhookRequest(Encoding.UTF8.GetBytes(CheckoutChargeCompleted), [new KeyValuePair<string, string>("flutterwave-signature", signature)]));

        var succeeded = Assert.IsType<PaymentSucceededEvent>(parsed);
        Assert.Equal(checkout.PaymentId, succeeded.PaymentId);
        Assert.Equal(checkout.Amount, succeeded.Amount);
        Assert.Equal("4975363", succeeded.ProviderPaymentId);
    }

    [Fact]
    public async Task The_payment_made_through_the_checkout_resolves_from_our_payment_id()
    {
        ScriptNewCheckout(HostedLink());
        await _flutterwave.Provider.CreateHostedCheckoutAsync(Checkout());
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(id: 4975363));

        var resolution = await _flutterwave.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn1050));

        Assert.Equal(PaymentResolutionStatus.Succeeded, resolution.Status);
        Assert.Equal(Payment, resolution.Payment!.PaymentId);
        Assert.Equal("/v3/transactions/verify_by_reference?tx_ref=bk_pay_42", _flutterwave.Handler.Requests[^1].PathAndQuery);
        _flutterwave.AssertRequestsMatchContract();
    }
}
