using System.Net;
using System.Text.Json;
using BillingKit.Paystack.Tests.Infrastructure;
using BillingKit.Providers;

namespace BillingKit.Paystack.Tests;

public sealed class PaystackPaymentProviderTests : IDisposable
{
    private static readonly PaymentId Payment = PaymentId.From("pay_42");
    private static readonly Money Ngn500 = Money.FromMinorUnits(50_000, Currency.NGN);
    private readonly PaystackFixture _paystack = new();

    public void Dispose() => _paystack.Dispose();

    private static string Transaction(string status, long amount = 50_000, string currency = "NGN", string reference = "ref_1", string gateway = "Approved") =>
        PaystackFixture.Response("VerifyResponse", $$$"""
            {"status": true, "message": "Verification successful",
             "data": {"id": 4099260516, "status": "{{{status}}}", "reference": "{{{reference}}}", "amount": {{{amount}}}, "currency": "{{{currency}}}",
                      "gateway_response": "{{{gateway}}}", "created_at": "2026-01-01T10:00:00.000Z",
                      "metadata": "{\"billingkit_payment_id\":\"pay_42\"}",
                      "customer": {"customer_code": "CUS_1"}, "authorization": {"authorization_code": "AUTH_1"} } }
            """);

    private static SavedPaymentMethodCharge Charge(Money? amount = null) =>
        new(Payment, amount ?? Ngn500, "CUS_1", "AUTH_1", IdempotencyKey.Derive("charge-retry", "inv_7", "2"))
        {
            CustomerEmail = "ada@example.com",
            InvoiceId = InvoiceId.From("inv_7"),
        };

    [Fact]
    public async Task Verify_reads_a_successful_transaction_in_subunits()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Transaction("success"));

        var payment = await _paystack.Provider.GetPaymentAsync("ref_1");

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal(Ngn500, payment.Amount);
        Assert.Equal("ref_1", payment.ProviderPaymentId);
        Assert.Equal(Payment, payment.PaymentId);
        Assert.Equal("CUS_1", payment.ProviderCustomerId);
        Assert.Equal("AUTH_1", payment.ProviderPaymentMethodId);
        Assert.Equal("/transaction/verify/ref_1", _paystack.Handler.Requests[0].PathAndQuery);
        Assert.Equal("Bearer " + PaystackFixture.SecretKey, _paystack.Handler.Requests[0].Authorization);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Verify_answered_200_with_a_failed_transaction_is_a_failure_with_its_decline_code()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Transaction("failed", gateway: "Insufficient Funds"));

        var payment = await _paystack.Provider.GetPaymentAsync("ref_1");

        Assert.Equal(ProviderPaymentStatus.Failed, payment.Status);
        Assert.Equal("card_declined", payment.FailureCode);
        Assert.Equal("insufficient_funds", payment.DeclineCode);
    }

    [Fact]
    public async Task Charging_an_authorization_sends_subunits_the_email_and_a_reference_derived_from_our_payment_id()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackFixture.Response("ChargeAuthorizationResponse", """
            {"status": true, "message": "Charge attempted",
             "data": {"id": 1, "status": "success", "reference": "bk-x", "amount": 50000, "currency": "NGN", "transaction_date": "2026-01-01T10:00:00.000Z"}}
            """));

        var payment = await _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge());

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal(Payment, payment.PaymentId);
        var request = _paystack.Handler.Requests.Single();
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(50_000, body.RootElement.GetProperty("amount").GetInt64());
        Assert.Equal("ada@example.com", body.RootElement.GetProperty("email").GetString());
        Assert.Equal("AUTH_1", body.RootElement.GetProperty("authorization_code").GetString());
        Assert.Equal("NGN", body.RootElement.GetProperty("currency").GetString());
        var reference = body.RootElement.GetProperty("reference").GetString()!;
        Assert.StartsWith("bk-pay-42.", reference, StringComparison.Ordinal);
        Assert.All(reference, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '=', $"'{c}' is not allowed in a Paystack reference"));
        Assert.Contains("pay_42", body.RootElement.GetProperty("metadata").GetString(), StringComparison.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task The_same_payment_always_gets_the_same_reference_and_other_payments_other_ones()
    {
        var json = PaystackFixture.Response("ChargeAuthorizationResponse", """{"data": {"status": "success", "amount": 50000, "currency": "NGN", "reference": "r"}}""");
        _paystack.Handler.Respond(HttpStatusCode.OK, json).Respond(HttpStatusCode.OK, json).Respond(HttpStatusCode.OK, json);

        await _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge());
        await _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge());
        await _paystack.Provider.ChargeSavedPaymentMethodAsync(new SavedPaymentMethodCharge(PaymentId.From("pay:42"), Ngn500, "CUS_1", "AUTH_1", IdempotencyKey.New()) { CustomerEmail = "a@b.c" });

        var references = _paystack.Handler.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("reference").GetString()).ToList();
        Assert.Equal(references[0], references[1], StringComparer.Ordinal);
        Assert.NotEqual(references[0], references[2], StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_charge_Paystack_already_took_is_returned_instead_of_charged_twice()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.BadRequest, """{"status": false, "message": "Duplicate Transaction Reference"}""")
            .Respond(HttpStatusCode.OK, Transaction("success", reference: "bk-pay-42.x"));

        var payment = await _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge());

        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.Equal(2, _paystack.Handler.Requests.Count);
        Assert.StartsWith("/transaction/verify/bk-pay-42.", _paystack.Handler.Requests[1].PathAndQuery, StringComparison.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task A_declined_charge_raises_a_declined_provider_exception_with_the_decline_code()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackFixture.Response("ChargeAuthorizationResponse", """
            {"data": {"status": "failed", "amount": 50000, "currency": "NGN", "reference": "r", "gateway_response": "Declined"}}
            """));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge()));

        Assert.Equal(ProviderErrorKind.Declined, error.Kind);
        Assert.Equal("card_declined", error.Code);
        Assert.Equal("do_not_honor", error.DeclineCode);
        Assert.False(error.IsTransient);
        Assert.Equal(ProviderName.Paystack, error.Provider);
    }

    [Fact]
    public async Task A_charge_reported_with_another_amount_is_not_taken_as_paid()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackFixture.Response("ChargeAuthorizationResponse", """
            {"data": {"status": "success", "amount": 5000, "currency": "NGN", "reference": "r"}}
            """));

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge()));

        Assert.Equal(ProviderErrorKind.InvalidResponse, error.Kind);
        Assert.Equal("amount_mismatch", error.Code);
    }

    [Fact]
    public async Task A_currency_Paystack_does_not_support_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => _paystack.Provider.ChargeSavedPaymentMethodAsync(Charge(Money.FromMinorUnits(100, Currency.EUR))));
        await Assert.ThrowsAsync<UnsupportedCurrencyException>(() => _paystack.Provider.RefundAsync(new RefundRequest("ref_1", IdempotencyKey.New()) { Amount = Money.FromMinorUnits(100, Currency.JPY) }));

        Assert.Empty(_paystack.Handler.Requests);
        Assert.False(_paystack.Provider.SupportsCurrency(Currency.EUR));
        Assert.True(_paystack.Provider.SupportsCurrency(Currency.GHS));
    }

    [Fact]
    public async Task A_charge_without_the_customers_email_is_refused_before_any_request()
    {
        var charge = new SavedPaymentMethodCharge(Payment, Ngn500, "CUS_1", "AUTH_1", IdempotencyKey.New());

        await Assert.ThrowsAsync<ArgumentException>(() => _paystack.Provider.ChargeSavedPaymentMethodAsync(charge));
        Assert.Empty(_paystack.Handler.Requests);
    }

    internal static string Refunds(string items = "") => PaystackFixture.Response("RefundListResponse", $$$"""
        {"status": true, "message": "Refunds retrieved", "data": [{{{items}}}], "meta": {"total": 1, "skipped": 0, "perPage": "100", "page": 1, "pageCount": 1} }
        """);

    [Theory]
    [InlineData(null)]
    [InlineData(20_000L)]
    public async Task Refunds_fully_or_partially_in_subunits_with_our_reason_and_key(long? amount)
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Refunds()).Respond(HttpStatusCode.OK, PaystackFixture.Response("RefundCreateResponse", """
            {"status": true, "message": "Refund has been queued for processing",
             "data": {"id": 3018284, "status": "pending", "amount": 20000, "currency": "NGN", "transaction": {"reference": "ref_1"}, "createdAt": "2026-01-02T00:00:00.000Z"}}
            """));
        var request = new RefundRequest("ref_1", IdempotencyKey.From("refund:rf_9"))
        {
            Amount = amount is { } minor ? Money.FromMinorUnits(minor, Currency.NGN) : null,
            Reason = RefundReason.Duplicate,
            Note = "charged twice",
        };

        var refund = await _paystack.Provider.RefundAsync(request);

        Assert.Equal("3018284", refund.ProviderRefundId);
        Assert.Equal(ProviderRefundStatus.Pending, refund.Status);
        Assert.Equal(Money.FromMinorUnits(20_000, Currency.NGN), refund.Amount);
        var post = Assert.Single(_paystack.Handler.Requests, r => r.Method == HttpMethod.Post);
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal("ref_1", body.RootElement.GetProperty("transaction").GetString());
        Assert.Equal(amount is not null, body.RootElement.TryGetProperty("amount", out _));
        var note = body.RootElement.GetProperty("merchant_note").GetString()!;
        Assert.Contains("Duplicate", note, StringComparison.Ordinal);
        Assert.Contains("charged twice", note, StringComparison.Ordinal);
        Assert.Contains("refund:rf_9", note, StringComparison.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task A_refund_above_what_remains_is_a_typed_provider_error()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, Refunds()).Respond(HttpStatusCode.BadRequest, """{"status": false, "message": "Transaction has been fully reversed"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => _paystack.Provider.RefundAsync(new RefundRequest("ref_1", IdempotencyKey.New())));

        Assert.Equal(ProviderErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("charge_already_refunded", error.Code);
    }

    [Fact]
    public async Task A_retried_refund_returns_the_first_refund_and_never_refunds_twice()
    {
        var earlier = """{"id": 3018284, "transaction": 4099260516, "transaction_reference": "ref_1", "amount": 20000, "currency": "NGN", "status": "processed", "merchant_note": "BillingKit refund (Duplicate): charged twice; key refund:rf_9", "createdAt": "2026-01-01T00:00:00.000Z"}""";
        var other = """{"id": 3018285, "transaction": 4099260516, "transaction_reference": "ref_1", "amount": 100, "currency": "NGN", "status": "processed", "merchant_note": "BillingKit refund (Goodwill); key refund:rf_90", "createdAt": "2026-01-01T00:00:00.000Z"}""";
        _paystack.Handler.Respond(HttpStatusCode.OK, Refunds(other + "," + earlier));

        var refund = await _paystack.Provider.RefundAsync(new RefundRequest("ref_1", IdempotencyKey.From("refund:rf_9")) { Amount = Money.FromMinorUnits(20_000, Currency.NGN) });

        Assert.Equal("3018284", refund.ProviderRefundId);
        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
        Assert.DoesNotContain(_paystack.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.StartsWith("/refund?perPage=100&page=1&from=2025-12-02T00%3A00%3A00Z", _paystack.Handler.Requests[0].PathAndQuery, StringComparison.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Fetches_a_customer_by_code_with_its_reusable_authorization()
    {
        _paystack.Handler.Respond(HttpStatusCode.OK, PaystackFixture.Response("CustomerFetchResponse", """
            {"data": {"customer_code": "CUS_xnxdt6s1zg1f4nx", "email": "ada@example.com", "first_name": "Ada", "last_name": "Obi",
                      "createdAt": "2025-05-01T00:00:00.000Z",
                      "authorizations": [{"authorization_code": "AUTH_old", "reusable": false}, {"authorization_code": "AUTH_ok", "reusable": true}]}}
            """));

        var customer = await _paystack.Provider.GetCustomerAsync("CUS_xnxdt6s1zg1f4nx");

        Assert.Equal("CUS_xnxdt6s1zg1f4nx", customer.ProviderCustomerId);
        Assert.Equal("Ada Obi", customer.Name);
        Assert.Equal("AUTH_ok", customer.DefaultPaymentMethodId);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Finds_customers_by_email_and_an_unknown_email_finds_none()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("CustomerFetchResponse", """{"data": {"customer_code": "CUS_1", "email": "ada@example.com"}}"""))
            .Respond(HttpStatusCode.NotFound, """{"status": false, "message": "Customer not found"}""");

        var found = await _paystack.Provider.FindCustomersByEmailAsync("ada@example.com").ToListAsync();
        var none = await _paystack.Provider.FindCustomersByEmailAsync("nobody@example.com").ToListAsync();

        Assert.Equal("CUS_1", Assert.Single(found).ProviderCustomerId);
        Assert.Empty(none);
        _paystack.AssertRequestsMatchSpec();
    }

    private static string Dispute(string status, string? resolution = null) =>
        PaystackFixture.Response("DisputeFetchResponse", $$$"""
            {"data": {"id": 1801929, "refund_amount": 0, "currency": "NGN", "status": "{{{status}}}", "resolution": {{{(resolution is null ? "null" : "\"" + resolution + "\"")}}},
                      "category": "chargeback", "dueAt": "2026-01-10T00:00:00.000Z", "createdAt": "2026-01-03T00:00:00.000Z",
                      "transaction": {"reference": "ref_1", "amount": 50000, "currency": "NGN"} } }
            """);

    [Fact]
    public async Task Submitting_dispute_evidence_adds_it_then_resolves_the_dispute_as_declined()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("DisputeAddEvidenceResponse", """{"data": {"id": 21, "dispute": 1801929}}"""))
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("DisputeResolveResponse", """{"data": {"id": 1801929, "status": "resolved", "resolution": "declined"}}"""))
            .Respond(HttpStatusCode.OK, Dispute("resolved", "declined"));
        var evidence = new DisputeEvidence("1801929", IdempotencyKey.From("dispute:1801929"))
        {
            CustomerEmail = "ada@example.com",
            CustomerName = "Ada Obi",
            CustomerPhone = "08012345678",
            ProductDescription = "Pro plan, January",
            ServiceDate = "2026-01-01 to 2026-01-31",
            ReceiptFileId = "qesp8a4df1xejihd9x5q",
        };

        var dispute = await _paystack.Provider.SubmitDisputeEvidenceAsync(evidence);

        Assert.Equal(ProviderDisputeStatus.Won, dispute.Status);
        Assert.Equal(Ngn500, dispute.Amount);
        Assert.Equal(["/dispute/1801929/evidence", "/dispute/1801929/resolve", "/dispute/1801929"], _paystack.Handler.Requests.Select(r => r.PathAndQuery), StringComparer.Ordinal);
        using var resolve = JsonDocument.Parse(_paystack.Handler.Requests[1].Body!);
        Assert.Equal("declined", resolve.RootElement.GetProperty("resolution").GetString());
        Assert.Equal(21, resolve.RootElement.GetProperty("evidence").GetInt64());
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Dispute_evidence_missing_what_Paystack_requires_is_refused_before_any_request()
    {
        var evidence = new DisputeEvidence("1801929", IdempotencyKey.New()) { CustomerEmail = "ada@example.com", ProductDescription = "Pro plan" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _paystack.Provider.SubmitDisputeEvidenceAsync(evidence));

        Assert.Contains("CustomerName", error.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerPhone", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReceiptFileId", error.Message, StringComparison.Ordinal);
        Assert.Empty(_paystack.Handler.Requests);
    }

    [Fact]
    public async Task Accepting_a_dispute_uploads_a_note_without_the_secret_key_and_resolves_it_for_the_full_amount()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, Dispute("awaiting-merchant-feedback"))
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("DisputeUploadURLResponse", """{"data": {"signedUrl": "https://uploads.paystack.test/put?sig=1", "fileName": "note-1.txt"}}"""))
            .Then(_ => new HttpResponseMessage(HttpStatusCode.OK))
            .Respond(HttpStatusCode.OK, PaystackFixture.Response("DisputeResolveResponse", """{"data": {"status": "resolved", "resolution": "merchant-accepted"}}"""))
            .Respond(HttpStatusCode.OK, Dispute("resolved", "merchant-accepted"));

        var dispute = await _paystack.Provider.AcceptDisputeAsync("1801929", IdempotencyKey.From("accept:1801929"));

        Assert.Equal(ProviderDisputeStatus.Lost, dispute.Status);
        var upload = _paystack.Handler.Requests[2];
        Assert.Equal("uploads.paystack.test", upload.Uri.Host);
        Assert.Null(upload.Authorization);
        using var resolve = JsonDocument.Parse(_paystack.Handler.Requests[3].Body!);
        Assert.Equal("merchant-accepted", resolve.RootElement.GetProperty("resolution").GetString());
        Assert.Equal(50_000, resolve.RootElement.GetProperty("refund_amount").GetInt64());
        Assert.Equal("note-1.txt", resolve.RootElement.GetProperty("uploaded_filename").GetString());
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Lists_disputes_page_by_page()
    {
        string Page(int page, int pageCount, int id) => PaystackFixture.Response("DisputeListResponse", $$$"""
            {"data": [{"id": {{{id}}}, "refund_amount": 0, "currency": "NGN", "status": "awaiting-bank-feedback", "transaction": {"reference": "ref_{{{id}}}", "amount": 1000}}],
             "meta": {"total": 2, "skipped": 0, "perPage": 1, "page": {{{page}}}, "pageCount": {{{pageCount}}}}}
            """);
        _paystack.Handler.Respond(HttpStatusCode.OK, Page(1, 2, 1)).Respond(HttpStatusCode.OK, Page(2, 2, 2));

        var disputes = await _paystack.Provider.ListDisputesAsync(from: NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)).ToListAsync();

        Assert.Equal(["1", "2"], disputes.Select(d => d.ProviderDisputeId), StringComparer.Ordinal);
        Assert.All(disputes, d => Assert.Equal(ProviderDisputeStatus.UnderReview, d.Status));
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Resolving_a_lost_payment_asks_Paystack_by_the_reference_of_our_payment_id()
    {
        _paystack.Handler
            .Respond(HttpStatusCode.OK, Transaction("success"))
            .Respond(HttpStatusCode.NotFound, """{"status": false, "message": "Transaction reference not found"}""")
            .Respond(HttpStatusCode.OK, Transaction("success", amount: 1));

        var succeeded = await _paystack.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn500));
        var unknown = await _paystack.Provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_43"), Ngn500));
        var mismatch = await _paystack.Provider.ResolvePaymentAsync(new PaymentLookup(Payment, Ngn500));

        Assert.Equal(PaymentResolutionStatus.Succeeded, succeeded.Status);
        Assert.Equal(PaymentResolutionStatus.NotFound, unknown.Status);
        Assert.Equal(PaymentResolutionStatus.Mismatch, mismatch.Status);
        Assert.StartsWith("/transaction/verify/bk-pay-42.", _paystack.Handler.Requests[0].PathAndQuery, StringComparison.Ordinal);
        _paystack.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task Subscriptions_are_not_supported_and_the_capabilities_say_so()
    {
        var provider = _paystack.Provider;

        var error = await Assert.ThrowsAsync<UnsupportedProviderOperationException>(() =>
            provider.CancelSubscriptionAsync(new SubscriptionCancellation("SUB_1", SubscriptionCancellationTiming.AtPeriodEnd, IdempotencyKey.New())));

        Assert.Equal(ProviderCapabilities.CancelSubscriptionAtPeriodEnd, error.Operation);
        Assert.False(provider.Capabilities.HasFlag(ProviderCapabilities.CancelSubscription));
        Assert.False(provider.Capabilities.HasFlag(ProviderCapabilities.CancelSubscriptionAtPeriodEnd));
        Assert.True(provider.Capabilities.HasFlag(ProviderCapabilities.PartialRefund));
        Assert.Empty(_paystack.Handler.Requests);
    }
}
