using System.Security.Cryptography;
using System.Text;
using BillingKit.Paystack.Tests.Infrastructure;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Paystack.Tests;

public sealed class PaystackWebhookTests : IDisposable
{
    /// <summary>A charge.success delivery in the shape Paystack documents, signed with <see cref="PaystackFixture.SecretKey"/>.
    /// To regenerate the signature: <c>printf '%s' "$BODY" | openssl dgst -sha512 -hmac "$SECRET_KEY"</c>.</summary>
    private const string ChargeSuccess = """{"event":"charge.success","data":{"id":302961,"domain":"test","status":"success","reference":"qTPrJoy9Bx","amount":10000,"gateway_response":"Approved by Financial Institution","paid_at":"2026-01-05T21:10:19.000Z","created_at":"2026-01-05T21:09:56.000Z","currency":"NGN","metadata":"{\"billingkit_payment_id\":\"pay_42\"}","customer":{"id":68324,"email":"ada@example.com","customer_code":"CUS_qo38as2hpsgk2r0"}}}""";

    private const string ChargeSuccessSignature = "694e6f605870c8656109427141c56855de723ab9c052ecbc5605c98a20b443964e3564615b6fabe3df769661434ad52304298931a825554bd186309862561a0b";

    private readonly PaystackFixture _paystack = new(o => o.PreviousSecretKeys.Add("sk_test_previous0000000000000000000000000000"));

    public void Dispose() => _paystack.Dispose();

    private static string Sign(string body, string secret = PaystackFixture.SecretKey) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Delivery(string body, string? signature) =>
        new(Encoding.UTF8.GetBytes(body), signature is null ? [] : [new("X-Paystack-Signature", signature)]);

    private BillingEvent Parse(string body) => _paystack.Webhooks.Parse(Delivery(body, Sign(body)));

    [Fact]
    public void A_delivery_with_a_valid_signature_becomes_a_payment_succeeded_event()
    {
        var parsed = _paystack.Webhooks.Parse(Delivery(ChargeSuccess, ChargeSuccessSignature));

        var succeeded = Assert.IsType<PaymentSucceededEvent>(parsed);
        Assert.Equal("qTPrJoy9Bx", succeeded.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(10_000, Currency.NGN), succeeded.Amount);
        Assert.Equal(PaymentId.From("pay_42"), succeeded.PaymentId);
        Assert.Equal("CUS_qo38as2hpsgk2r0", succeeded.ProviderCustomerId);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 21, 10, 19), succeeded.OccurredAt);
        Assert.Equal("charge.success", succeeded.EventType);
        Assert.False(succeeded.IsLive);
        Assert.Equal("default", succeeded.Account);
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = ChargeSuccess.Replace("10000", "99000", StringComparison.Ordinal);

        var error = Assert.Throws<WebhookVerificationException>(() => _paystack.Webhooks.Parse(Delivery(tampered, ChargeSuccessSignature)));

        Assert.Equal(WebhookVerificationFailure.BadSignature, error.Reason);
        Assert.Equal(ProviderName.Paystack, error.Provider);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var error = Assert.Throws<WebhookVerificationException>(() =>
            _paystack.Webhooks.Parse(Delivery(ChargeSuccess, Sign(ChargeSuccess, "sk_test_someone_else_0000000000000000000000"))));

        Assert.Equal(WebhookVerificationFailure.BadSignature, error.Reason);
    }

    [Fact]
    public void A_key_being_rotated_out_still_verifies()
    {
        var parsed = _paystack.Webhooks.Parse(Delivery(ChargeSuccess, Sign(ChargeSuccess, "sk_test_previous0000000000000000000000000000")));

        Assert.IsType<PaymentSucceededEvent>(parsed);
    }

    [Theory]
    [InlineData(null, WebhookVerificationFailure.MissingHeader)]
    [InlineData("", WebhookVerificationFailure.MissingHeader)]
    [InlineData("not-hex", WebhookVerificationFailure.MalformedHeader)]
    [InlineData("abcd", WebhookVerificationFailure.MalformedHeader)]
    public void A_missing_or_malformed_signature_is_refused(string? signature, WebhookVerificationFailure reason)
    {
        var error = Assert.Throws<WebhookVerificationException>(() => _paystack.Webhooks.Parse(Delivery(ChargeSuccess, signature)));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_refused_as_malformed()
    {
        var error = Assert.Throws<WebhookVerificationException>(() => Parse("""{"data": {}}"""));

        Assert.Equal(WebhookVerificationFailure.MalformedBody, error.Reason);
    }

    [Fact]
    public void A_replayed_delivery_carries_the_same_event_id_and_time_so_the_desk_handles_it_once()
    {
        var first = _paystack.Webhooks.Parse(Delivery(ChargeSuccess, ChargeSuccessSignature));
        _paystack.Clock.AdvanceDays(3);
        var replay = _paystack.Webhooks.Parse(Delivery(ChargeSuccess, ChargeSuccessSignature));

        Assert.Equal(first.EventId, replay.EventId);
        Assert.Equal(first.OccurredAt, replay.OccurredAt);
    }

    [Fact]
    public void A_charge_event_whose_status_is_not_success_is_a_failure_with_the_decline_code()
    {
        var parsed = Parse("""{"event":"charge.success","data":{"id":7,"status":"failed","reference":"r7","amount":500,"currency":"GHS","gateway_response":"Insufficient Funds"}}""");

        var failed = Assert.IsType<PaymentFailedEvent>(parsed);
        Assert.Equal("card_declined", failed.FailureCode);
        Assert.Equal("insufficient_funds", failed.DeclineCode);
        Assert.Equal(Money.FromMinorUnits(500, Currency.GHS), failed.Amount);
    }

    [Fact]
    public void Refund_events_map_to_refund_succeeded_and_failed()
    {
        var processed = Assert.IsType<RefundSucceededEvent>(Parse("""{"event":"refund.processed","data":{"status":"processed","transaction_reference":"ref_1","refund_reference":"132013318360","amount":10000,"currency":"NGN","domain":"live"}}"""));
        var failed = Assert.IsType<RefundFailedEvent>(Parse("""{"event":"refund.failed","data":{"status":"failed","transaction_reference":"ref_1","refund_reference":"132013318361","amount":10000,"currency":"NGN","domain":"live"}}"""));

        Assert.Equal("ref_1", processed.ProviderPaymentId);
        Assert.Equal("132013318360", processed.ProviderRefundId);
        Assert.Equal(Money.FromMinorUnits(10_000, Currency.NGN), processed.Amount);
        Assert.True(processed.IsLive);
        Assert.Equal("132013318361", failed.ProviderRefundId);
        Assert.NotEqual(processed.EventId, failed.EventId, StringComparer.Ordinal);
        Assert.Equal(_paystack.Clock.Now, processed.OccurredAt);
    }

    [Fact]
    public void Dispute_events_map_to_opened_and_closed_won_or_lost()
    {
        static string Dispute(string action, string status, string resolution, string resolvedAt) =>
            "{\"event\":\"charge.dispute." + action + "\",\"data\":{\"id\":358950,\"refund_amount\":5800,\"currency\":\"NGN\",\"status\":\"" + status
            + "\",\"resolution\":" + resolution + ",\"category\":\"chargeback\",\"dueAt\":\"2026-01-25T18:00:00.000Z\",\"createdAt\":\"2026-01-24T10:27:54.000Z\",\"resolvedAt\":" + resolvedAt
            + ",\"transaction\":{\"id\":5991760,\"reference\":\"ref_9\",\"amount\":5800,\"currency\":\"NGN\"}}}";

        var opened = Assert.IsType<DisputeOpenedEvent>(Parse(Dispute("create", "awaiting-merchant-feedback", "null", "null")));
        var won = Assert.IsType<DisputeClosedEvent>(Parse(Dispute("resolve", "resolved", "\"declined\"", "\"2026-02-01T00:00:00.000Z\"")));
        var lost = Assert.IsType<DisputeClosedEvent>(Parse(Dispute("resolve", "resolved", "\"merchant-accepted\"", "\"2026-02-01T00:00:00.000Z\"")));

        Assert.Equal("358950", opened.ProviderDisputeId);
        Assert.Equal("ref_9", opened.ProviderPaymentId);
        Assert.Equal(Instant.FromUtc(2026, 1, 25, 18, 0), opened.ResponseDueBy);
        Assert.Equal(DisputeOutcome.Won, won.Outcome);
        Assert.Equal(DisputeOutcome.Lost, lost.Outcome);
        Assert.Equal(Instant.FromUtc(2026, 2, 1, 0, 0), won.OccurredAt);
        Assert.True(won.OccurredAt > opened.OccurredAt);
    }

    [Fact]
    public void An_event_BillingKit_does_not_act_on_is_unmapped_but_verified()
    {
        var parsed = Parse("""{"event":"transfer.success","data":{"id":99,"reference":"t1"}}""");

        Assert.IsType<UnmappedEvent>(parsed);
        Assert.Equal("transfer.success", parsed.EventType);
    }
}
