using BillingKit.TestUtilities.Providers;
using System.Net;
using System.Text.Json;
using BillingKit.Flutterwave.Tests.Infrastructure;
using BillingKit.Providers;

namespace BillingKit.Flutterwave.Tests;

public sealed class FlutterwavePaymentProviderTests : IDisposable
{
    private static readonly PaymentId Payment = PaymentId.From("pay_42");
    private static readonly Money Ngn1050 = Money.FromMinorUnits(1050, Currency.NGN);
    private readonly FlutterwaveFixture _flutterwave = new();

    public void Dispose() => _flutterwave.Dispose();

    private static SavedPaymentMethodCharge Charge(Money? amount = null) =>
        new(Payment, amount ?? Ngn1050, "215604089", "flw-t1nf-f9b3bf384cd30d6fca42b6df9d27bd2f-m03k", IdempotencyKey.Derive("charge-retry", "inv_7", "2"))
        {
            CustomerEmail = "ada@example.com",
            Description = "Invoice inv_7",
        };

    [Fact]
    public async Task Verifying_by_id_reads_a_successful_transaction_in_minor_units()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        var payment = await _flutterwave.Provider.GetPaymentAsync("288200108");

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal(Ngn1050, payment.Amount);
        Assert.Equal("288200108", payment.ProviderPaymentId);
        Assert.Equal(Payment, payment.PaymentId);
        Assert.Equal("flw-t1nf-f9b3bf384cd30d6fca42b6df9d27bd2f-m03k", payment.ProviderPaymentMethodId);
        Assert.Equal("/v3/transactions/288200108/verify", _flutterwave.Handler.Requests[0].PathAndQuery);
        Assert.Equal("Bearer " + FlutterwaveFixture.SecretKey, _flutterwave.Handler.Requests[0].Authorization);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task Verifying_by_reference_uses_verify_by_reference()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        await _flutterwave.Provider.GetPaymentAsync("bk_pay_42");

        Assert.Equal("/v3/transactions/verify_by_reference?tx_ref=bk_pay_42", _flutterwave.Handler.Requests[0].PathAndQuery);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_successful_HTTP_answer_about_a_failed_transaction_is_a_failure()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(status: "failed", processor: "Insufficient funds"));

        var payment = await _flutterwave.Provider.GetPaymentAsync("288200108");

        Assert.Equal(ProviderPaymentStatus.Failed, payment.Status);
        Assert.Equal("insufficient_funds", payment.DeclineCode);
    }

    [Fact]
    public async Task An_amount_with_more_decimals_than_the_currency_is_an_invalid_response()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(amount: "10.505"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.GetPaymentAsync("288200108"));

        Assert.Equal(ProviderErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task A_tokenized_charge_sends_the_token_email_country_major_amount_and_our_reference()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        var payment = await _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge());

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        var request = _flutterwave.Handler.Requests.Single();
        Assert.Equal("/v3/tokenized-charges", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("bk_pay_42", body.RootElement.GetProperty("tx_ref").GetString());
        Assert.Equal("NG", body.RootElement.GetProperty("country").GetString());
        Assert.Equal("ada@example.com", body.RootElement.GetProperty("email").GetString());
        Assert.Equal(10.50m, body.RootElement.GetProperty("amount").GetDecimal());
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_charge_verified_with_another_amount_or_currency_is_not_taken_as_paid()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(amount: "10.50", currency: "GHS"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge()));

        Assert.Equal("amount_mismatch", error.Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_declined_charge_raises_declined_with_the_decline_code(HttpStatusCode status)
    {
        _flutterwave.Handler.Respond(status, status == HttpStatusCode.OK
            ? FlutterwaveFixture.Transaction(status: "failed", processor: "Do Not Honor")
            : """{"status": "error", "message": "Do not honor", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge()));

        Assert.Equal(ProviderErrorKind.Declined, error.Kind);
        Assert.Equal("do_not_honor", error.DeclineCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task After_a_timeout_the_charge_is_looked_up_by_reference_and_never_sent_twice()
    {
        _flutterwave.Handler.Throw(new TaskCanceledException("timeout", new TimeoutException()))
            .Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        var payment = await _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge());

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Single(_flutterwave.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("/v3/transactions/verify_by_reference?tx_ref=bk_pay_42", _flutterwave.Handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task After_a_timeout_with_no_charge_found_the_outcome_stays_unknown()
    {
        _flutterwave.Handler.Throw(new TaskCanceledException("timeout", new TimeoutException()))
            .Respond(HttpStatusCode.BadRequest, """{"status": "error", "message": "No transaction was found for this id", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge()));

        Assert.Equal(ProviderErrorKind.Network, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Single(_flutterwave.Handler.Requests, r => r.Method == HttpMethod.Post);
    }

    private static string Refunded(string amount = "10.50") => $$"""
        {"status": "success", "message": "Transaction refund initiated",
         "data": {"id": 75923, "account_id": 73362, "tx_id": 288200108, "flw_ref": "URF_1577867664541_3572735", "wallet_id": 74639,
                  "amount_refunded": {{amount}}, "status": "completed", "destination": "payment_source", "meta": {"source": "availablebalance"},
                  "created_at": "2026-01-24T09:18:37.000Z"} }
        """;

    [Fact]
    public async Task A_partial_refund_sends_the_major_amount_to_the_transaction()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction()).Respond(HttpStatusCode.OK, Refunded("5.25"));

        var refund = await _flutterwave.Provider.RefundAsync(new RefundRequest("288200108", IdempotencyKey.From("refund:rf_1")) { Amount = Money.FromMinorUnits(525, Currency.NGN), Note = "half" });

        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
        Assert.Equal(Money.FromMinorUnits(525, Currency.NGN), refund.Amount);
        Assert.Equal("75923", refund.ProviderRefundId);
        var request = _flutterwave.Handler.Requests[1];
        Assert.Equal("/v3/transactions/288200108/refund", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("5.25", body.RootElement.GetProperty("amount").GetRawText());
        Assert.Contains("refund:rf_1", body.RootElement.GetProperty("comments").GetString(), StringComparison.Ordinal);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_full_refund_by_reference_finds_the_transaction_id_and_sends_no_amount()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction()).Respond(HttpStatusCode.OK, Refunded());

        var refund = await _flutterwave.Provider.RefundAsync(new RefundRequest("bk_pay_42", IdempotencyKey.New()));

        Assert.Equal(Ngn1050, refund.Amount);
        using var body = JsonDocument.Parse(_flutterwave.Handler.Requests[1].Body!);
        Assert.False(body.RootElement.TryGetProperty("amount", out _));
        Assert.Equal("/v3/transactions/288200108/refund", _flutterwave.Handler.Requests[1].PathAndQuery);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_refund_above_the_charge_or_in_another_currency_is_refused_before_the_refund_call()
    {
        _flutterwave.Handler.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        var above = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.RefundAsync(new RefundRequest("288200108", IdempotencyKey.New()) { Amount = Money.FromMinorUnits(1051, Currency.NGN) }));
        await Assert.ThrowsAsync<CurrencyMismatchException>(() => _flutterwave.Provider.RefundAsync(new RefundRequest("288200108", IdempotencyKey.New()) { Amount = Money.FromMinorUnits(100, Currency.GHS) }));

        Assert.Equal("refund_exceeds_charge", above.Code);
        Assert.Equal(ProviderErrorKind.InvalidRequest, above.Kind);
        Assert.All(_flutterwave.Handler.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task A_refund_is_not_resent_after_a_5xx_and_staff_are_told_to_check_first()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction())
            .Respond(HttpStatusCode.BadGateway, """{"status": "error", "message": "upstream", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.RefundAsync(new RefundRequest("288200108", IdempotencyKey.New())));

        Assert.Equal(ProviderErrorKind.ProviderUnavailable, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Contains("may have been made", error.Message, StringComparison.Ordinal);
        Assert.Single(_flutterwave.Handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_5xx_and_a_429()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.ServiceUnavailable, """{"status": "error", "message": "down", "data": null}""")
            .Respond(HttpStatusCode.TooManyRequests, """{"status": "error", "message": "Too many requests", "data": null}""")
            .Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        await _flutterwave.Provider.GetPaymentAsync("288200108");

        Assert.Equal(3, _flutterwave.Handler.Requests.Count);
    }

    [Fact]
    public async Task Neither_the_secret_key_nor_the_card_token_reaches_the_logs()
    {
        _flutterwave.Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            .Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction());

        await _flutterwave.Provider.ChargeSavedPaymentMethodAsync(Charge());

        Assert.NotEmpty(_flutterwave.Logs.Messages);
        Assert.All(_flutterwave.Logs.Messages, m =>
        {
            Assert.DoesNotContain(FlutterwaveFixture.SecretKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("flw-t1nf", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Authorization_errors_are_typed_and_not_transient()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.Unauthorized, """{"status": "error", "message": "Authorization required", "data": null}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _flutterwave.Provider.GetPaymentAsync("1"));

        Assert.Equal(ProviderErrorKind.Unauthorized, error.Kind);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain(FlutterwaveFixture.SecretKey, error.Message, StringComparison.Ordinal);
    }

    private static string Chargeback(string status, string? currency = "\"NGN\"") => $$"""
        {"status": "success", "message": "Chargeback updated",
         "data": {"id": 1337, "amount": 10.5, "flw_ref": "FLW275407301", "status": "{{status}}", "stage": "new", "comment": "x",
                  "meta": {"uploaded_proof": null}, "due_date": "2026-01-12T00:00:00.000Z", "settlement_id": "N/A",
                  "created_at": "2026-01-09T00:00:00.000Z", "transaction_id": 288200108, "tx_ref": "bk_pay_42", "currency": {{currency ?? "null"}} } }
        """;

    [Fact]
    public async Task Accepting_and_declining_chargebacks_send_the_action_and_a_comment()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, Chargeback("accepted")).Respond(HttpStatusCode.OK, Chargeback("declined"));

        var accepted = await _flutterwave.Provider.AcceptDisputeAsync("1337", IdempotencyKey.From("accept:1337"));
        var declined = await _flutterwave.Provider.SubmitDisputeEvidenceAsync(new DisputeEvidence("1337", IdempotencyKey.From("evidence:1337"))
        {
            ProductDescription = "Pro plan, January",
            AccessActivityLog = "412 logins in January",
        });

        Assert.Equal(ProviderDisputeStatus.Lost, accepted.Status);
        Assert.Equal(ProviderDisputeStatus.UnderReview, declined.Status);
        Assert.Equal(Ngn1050, accepted.Amount);
        Assert.Equal("288200108", accepted.ProviderPaymentId);
        using var accept = JsonDocument.Parse(_flutterwave.Handler.Requests[0].Body!);
        using var decline = JsonDocument.Parse(_flutterwave.Handler.Requests[1].Body!);
        Assert.Equal("accept", accept.RootElement.GetProperty("action").GetString());
        Assert.Equal("decline", decline.RootElement.GetProperty("action").GetString());
        Assert.Contains("412 logins", decline.RootElement.GetProperty("comment").GetString(), StringComparison.Ordinal);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task A_chargeback_that_names_no_currency_takes_it_from_its_transaction()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, Chargeback("lost", currency: null)).Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(currency: "GHS"));

        var dispute = await _flutterwave.Provider.AcceptDisputeAsync("1337", IdempotencyKey.New());

        Assert.Equal(Money.FromMinorUnits(1050, Currency.GHS), dispute.Amount);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task Lists_chargebacks_page_by_page()
    {
        static string Page(int page, int id) => $$"""
            {"status": "success", "message": "Chargebacks fetched", "meta": {"page_info": {"total": 2, "current_page": {{page}}, "total_pages": 2} },
             "data": [{"id": {{id}}, "amount": 100, "flw_ref": "FLW{{id}}", "status": "initiated", "stage": "new", "currency": "NGN", "transaction_id": {{id}}00, "created_at": "2026-01-09T00:00:00.000Z"}]}
            """;
        _flutterwave.Handler.Respond(HttpStatusCode.OK, Page(1, 1)).Respond(HttpStatusCode.OK, Page(2, 2));

        var chargebacks = await _flutterwave.Provider.ListChargebacksAsync().ToListAsync();

        Assert.Equal(["1", "2"], chargebacks.Select(c => c.ProviderDisputeId), StringComparer.Ordinal);
        Assert.All(chargebacks, c => Assert.Equal(ProviderDisputeStatus.NeedsResponse, c.Status));
        Assert.All(chargebacks, c => Assert.Equal(Money.FromMinorUnits(10_000, Currency.NGN), c.Amount));
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task Staged_evidence_is_refused_because_Flutterwave_takes_one_answer()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _flutterwave.Provider.SubmitDisputeEvidenceAsync(new DisputeEvidence("1337", IdempotencyKey.New()) { Submit = false, ProductDescription = "x" }));

        Assert.Empty(_flutterwave.Handler.Requests);
    }

    [Fact]
    public async Task Resolving_a_lost_payment_asks_by_the_reference_of_our_payment_id()
    {
        _flutterwave.Handler.Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction())
            .Respond(HttpStatusCode.BadRequest, """{"status": "error", "message": "No transaction was found for this id", "data": null}""")
            .Respond(HttpStatusCode.OK, FlutterwaveFixture.Transaction(status: "pending"));

        var succeeded = await _flutterwave.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn1050));
        var unknown = await _flutterwave.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_43"), Ngn1050));
        var pending = await _flutterwave.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn1050) { ProviderPaymentId = "288200108" });

        Assert.Equal(PaymentResolutionStatus.Succeeded, succeeded.Status);
        Assert.Equal(PaymentResolutionStatus.NotFound, unknown.Status);
        Assert.Equal(PaymentResolutionStatus.StillProcessing, pending.Status);
        _flutterwave.AssertRequestsMatchContract();
    }

    [Fact]
    public async Task Customers_and_subscriptions_are_not_supported_and_the_capabilities_say_so()
    {
        var provider = _flutterwave.Provider;

        await Assert.ThrowsAsync<UnsupportedProviderOperationException>(() => provider.GetCustomerAsync("215604089"));
        Assert.Throws<UnsupportedProviderOperationException>(() => provider.FindCustomersByEmailAsync("ada@example.com"));
        await Assert.ThrowsAsync<UnsupportedProviderOperationException>(() => provider.CancelSubscriptionAsync(new SubscriptionCancellation("1", SubscriptionCancellationTiming.Immediately, IdempotencyKey.New())));

        Assert.Equal(ProviderCapabilities.None, provider.Capabilities & (ProviderCapabilities.RetrieveCustomer | ProviderCapabilities.FindCustomersByEmail | ProviderCapabilities.CancelSubscription | ProviderCapabilities.CancelSubscriptionAtPeriodEnd));
        Assert.True(provider.Capabilities.HasFlag(ProviderCapabilities.ChargeSavedPaymentMethod));
        Assert.Empty(_flutterwave.Handler.Requests);
    }
}
