using System.Net;
using System.Text.Json;
using BillingKit.Paystack.Internal;
using BillingKit.Paystack.Tests.Infrastructure;
using BillingKit.Providers;

namespace BillingKit.Paystack.Tests;

public sealed class PaystackErrorsAndRetriesTests : IDisposable
{
    private readonly PaystackFixture _paystack = new();

    public void Dispose() => _paystack.Dispose();

    private static string Verified() => PaystackFixture.Response("VerifyResponse", """{"data": {"status": "success", "reference": "ref_1", "amount": 100, "currency": "GHS"}}""");

    /// <summary>The error examples the spec publishes (components.responses Unauthorized and NotFound).</summary>
    [Theory]
    [InlineData("Unauthorized", 401, ProviderErrorKind.Unauthorized, "authentication_failed")]
    [InlineData("NotFound", 404, ProviderErrorKind.NotFound, "resource_missing")]
    public async Task The_specs_error_examples_map_onto_typed_provider_errors(string response, int status, ProviderErrorKind kind, string code)
    {
        var example = PaystackFixture.Spec.Root.GetProperty("components").GetProperty("responses").GetProperty(response)
            .GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText();
        _paystack.Handler.Respond((HttpStatusCode)status, example);

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.GetPaymentAsync("ref_1"));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.False(error.IsTransient);
        Assert.Single(_paystack.Handler.Requests);
        Assert.DoesNotContain(PaystackFixture.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_the_adapter_recognises_is_in_Paystacks_error_catalogue()
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "api-errors.json")));
        var documented = catalogue.RootElement.EnumerateArray().Select(e => e.GetProperty("error").GetString()!).ToHashSet(StringComparer.Ordinal);

        var unknown = PaystackErrorCatalog.Entries.Where(e => !documented.Contains(e.Message)).Select(e => e.Message).ToList();

        Assert.True(unknown.Count == 0, "Not in api-errors.json: " + string.Join(" | ", unknown));
    }

    [Theory]
    [InlineData("Insufficient Funds", "card_declined", "insufficient_funds", false)]
    [InlineData("Declined", "card_declined", "do_not_honor", false)]
    [InlineData("Expired Card", "expired_card", "expired_card", false)]
    [InlineData("Pickup card (stolen card)", "card_declined", "stolen_card", false)]
    [InlineData("Charge attempt cannot be fulfilled until 5 minutes", "card_declined", "card_velocity_exceeded", true)]
    [InlineData("Please wait a few minutes and try again.", "rate_limited", null, true)]
    [InlineData("Invalid key", "authentication_failed", null, false)]
    [InlineData("Something nobody documented", "invalid_request", null, false)]
    public void Documented_messages_map_onto_codes_every_adapter_shares(string message, string code, string? declineCode, bool transient)
    {
        var info = PaystackErrorCatalog.Classify(HttpStatusCode.BadRequest, message, null);

        Assert.Equal(code, info.Code);
        Assert.Equal(declineCode, info.DeclineCode);
        Assert.Equal(transient, info.IsTransient);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_5xx_and_succeeds()
    {
        _paystack.Handler.Respond(HttpStatusCode.ServiceUnavailable, """{"status": false, "message": "Service unavailable"}""")
            .Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>")
            .Respond(HttpStatusCode.OK, Verified());

        var payment = await _paystack.Provider.GetPaymentAsync("ref_1");

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal(3, _paystack.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_network_failure()
    {
        _paystack.Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused")).Respond(HttpStatusCode.OK, Verified());

        await _paystack.Provider.GetPaymentAsync("ref_1");

        Assert.Equal(2, _paystack.Handler.Requests.Count);
    }

    [Fact]
    public async Task When_retries_run_out_the_error_is_transient_and_says_the_outcome_is_unknown()
    {
        _paystack.Handler.Fallback = _ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.GetPaymentAsync("ref_1"));

        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Equal(4, _paystack.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_charge_is_retried_after_a_timeout_with_the_same_reference()
    {
        _paystack.Handler.Throw(new TaskCanceledException("timed out", new TimeoutException()))
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("ChargeAuthorizationResponse", """{"data": {"status": "success", "amount": 100, "currency": "GHS", "reference": "r"}}"""));
        var charge = new SavedPaymentMethodCharge(PaymentId.From("pay_1"), Money.FromMinorUnits(100, Currency.GHS), "CUS_1", "AUTH_1", IdempotencyKey.New()) { CustomerEmail = "a@b.c" };

        await _paystack.Provider.ChargeSavedPaymentMethodAsync(charge);

        var references = _paystack.Handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("reference").GetString()).ToList();
        Assert.Equal(2, references.Count);
        Assert.Equal(references[0], references[1], StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_refund_is_retried_after_429_because_Paystack_processed_nothing()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackPaymentProviderTests.Refunds()).Respond(HttpStatusCode.TooManyRequests, """{"status": false, "message": "Please wait a few minutes and try again."}""")
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("RefundCreateResponse", """{"data": {"id": 1, "status": "processed", "amount": 100, "currency": "GHS"}}"""));

        var refund = await _paystack.Provider.RefundAsync(new RefundRequest("ref_1", IdempotencyKey.New()));

        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
        Assert.Equal(2, _paystack.Handler.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task A_refund_is_not_resent_after_a_5xx_because_Paystack_might_have_refunded_already()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackPaymentProviderTests.Refunds())
            .Respond(HttpStatusCode.InternalServerError, """{"status": false, "message": "An error occurred"}""")
            .Respond(HttpStatusCode.OK, PaystackPaymentProviderTests.Refunds());

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.RefundAsync(new RefundRequest("ref_1", IdempotencyKey.New())));

        Assert.Single(_paystack.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal(3, _paystack.Handler.Requests.Count);
        Assert.Equal(ProviderErrorKind.ProviderUnavailable, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_refund_whose_answer_was_lost_is_found_by_its_key_instead_of_sent_again()
    {
        var key = IdempotencyKey.From("refund:rf_5");
        var made = "{\"id\": 77, \"transaction\": 1, \"transaction_reference\": \"ref_1\", \"amount\": 100, \"currency\": \"GHS\", \"status\": \"pending\", \"merchant_note\": \"BillingKit refund (RequestedByCustomer); key refund:rf_5\"}";
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackPaymentProviderTests.Refunds())
            .Throw(new TaskCanceledException("timed out", new TimeoutException()))
            .Respond(HttpStatusCode.OK, PaystackPaymentProviderTests.Refunds(made));

        var refund = await _paystack.Provider.RefundAsync(new RefundRequest("ref_1", key));

        Assert.Equal("77", refund.ProviderRefundId);
        Assert.Single(_paystack.Handler.Requests, r => r.Method == HttpMethod.Post);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Neither_the_secret_key_nor_a_customers_email_reaches_the_logs()
    {
        _paystack.Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            .Respond(HttpStatusCode.NotFound, """{"status": false, "message": "Customer not found"}""");

        await _paystack.Provider.FindCustomersByEmailAsync("ada@example.com").ToListAsync();

        Assert.NotEmpty(_paystack.Logs.Messages);
        Assert.All(_paystack.Logs.Messages, m =>
        {
            Assert.DoesNotContain(PaystackFixture.SecretKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("ada", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_caller_cancellation_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        _paystack.Handler.Then(_ =>
        {
            cancellation.Cancel();
            throw new TaskCanceledException();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _paystack.Provider.GetPaymentAsync("ref_1", cancellation.Token));
        Assert.Single(_paystack.Handler.Requests);
    }
}
