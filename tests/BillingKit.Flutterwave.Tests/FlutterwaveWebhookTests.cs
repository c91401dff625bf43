using System.Security.Cryptography;
using System.Text;
using BillingKit.Flutterwave.Tests.Infrastructure;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Flutterwave.Tests;

public sealed class FlutterwaveWebhookTests : IDisposable
{
    /// <summary>A v3 charge.completed delivery in the shape Flutterwave documents. Its flutterwave-signature is
    /// base64(HMAC-SHA256(body, <see cref="FlutterwaveFixture.SecretHash"/>)); to regenerate:
    /// <c>printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET_HASH" -binary | base64</c>.</summary>
    private const string ChargeCompleted = """{"event":"charge.completed","data":{"id":285959875,"tx_ref":"bk_pay_42","flw_ref":"FLW270177170","amount":10.5,"currency":"NGN","charged_amount":10.5,"processor_response":"Approved by Financial Institution","status":"successful","payment_type":"card","created_at":"2026-01-06T19:17:04.000Z","customer":{"id":215604089,"email":"ada@example.com"}},"event.type":"CARD_TRANSACTION"}""";

    private const string ChargeCompletedSignature = "e6kDr5588EO6/rsAYMJb6XHFuc0Z8i/HeMaBRIxgE3I=";

    private readonly FlutterwaveFixture _flutterwave = new(o => o.WebhookSecretHashes.Add("rotated-in-secret-hash"));

    public void Dispose() => _flutterwave.Dispose();

    private static string Hmac(string body, string secret = FlutterwaveFixture.SecretHash) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Delivery(string body, params (string Name, string Value)[] headers) =>
        new(Encoding.UTF8.GetBytes(body), headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));

    private BillingEvent Parse(string body) => _flutterwave.Webhooks.Parse(Delivery(body, ("flutterwave-signature", Hmac(body))));

    [Fact]
    public void A_valid_hmac_signature_yields_a_payment_succeeded_event_in_minor_units()
    {
        var parsed = _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("Flutterwave-Signature", ChargeCompletedSignature)));

        var succeeded = Assert.IsType<PaymentSucceededEvent>(parsed);
        Assert.Equal("285959875", succeeded.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(1050, Currency.NGN), succeeded.Amount);
        Assert.Equal(PaymentId.From("pay_42"), succeeded.PaymentId);
        Assert.Equal(Instant.FromUtc(2026, 1, 6, 19, 17, 4), succeeded.OccurredAt);
        Assert.Equal(ProviderName.Flutterwave, succeeded.Provider);
    }

    [Fact]
    public void A_valid_legacy_verif_hash_is_accepted()
    {
        var parsed = _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", FlutterwaveFixture.SecretHash)));

        Assert.IsType<PaymentSucceededEvent>(parsed);
    }

    [Fact]
    public void A_rotated_secret_hash_verifies_with_both_schemes()
    {
        Assert.IsType<PaymentSucceededEvent>(_flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", "rotated-in-secret-hash"))));
        Assert.IsType<PaymentSucceededEvent>(_flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("flutterwave-signature", Hmac(ChargeCompleted, "rotated-in-secret-hash")))));
    }

    [Fact]
    public void A_tampered_body_fails_the_hmac_scheme()
    {
        var tampered = ChargeCompleted.Replace("10.5", "1050", StringComparison.Ordinal);

        var error = Assert.Throws<WebhookVerificationException>(() => _flutterwave.Webhooks.Parse(Delivery(tampered, ("flutterwave-signature", ChargeCompletedSignature))));

        Assert.Equal(WebhookVerificationFailure.BadSignature, error.Reason);
    }

    [Fact]
    public void A_wrong_secret_fails_both_schemes()
    {
        var hmac = Assert.Throws<WebhookVerificationException>(() => _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("flutterwave-signature", Hmac(ChargeCompleted, "not-our-secret")))));
        var legacy = Assert.Throws<WebhookVerificationException>(() => _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", "not-our-secret"))));

        Assert.Equal(WebhookVerificationFailure.BadSignature, hmac.Reason);
        Assert.Equal(WebhookVerificationFailure.BadSignature, legacy.Reason);
    }

    [Fact]
    public void When_the_hmac_header_is_present_a_correct_verif_hash_does_not_rescue_a_tampered_body()
    {
        var tampered = ChargeCompleted.Replace("10.5", "1050", StringComparison.Ordinal);

        var error = Assert.Throws<WebhookVerificationException>(() => _flutterwave.Webhooks.Parse(
            Delivery(tampered, ("flutterwave-signature", ChargeCompletedSignature), ("verif-hash", FlutterwaveFixture.SecretHash))));

        Assert.Equal(WebhookVerificationFailure.BadSignature, error.Reason);
    }

    [Fact]
    public void The_legacy_scheme_can_be_turned_off()
    {
        using var strict = new FlutterwaveFixture(o => o.AcceptLegacyVerifHash = false);

        var error = Assert.Throws<WebhookVerificationException>(() => strict.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", FlutterwaveFixture.SecretHash))));

        Assert.Equal(WebhookVerificationFailure.MissingHeader, error.Reason);
        Assert.IsType<PaymentSucceededEvent>(strict.Webhooks.Parse(Delivery(ChargeCompleted, ("flutterwave-signature", ChargeCompletedSignature))));
    }

    [Theory]
    [InlineData(null, WebhookVerificationFailure.MissingHeader)]
    [InlineData("***not base64***", WebhookVerificationFailure.MalformedHeader)]
    [InlineData("AAAA", WebhookVerificationFailure.MalformedHeader)]
    public void A_missing_or_malformed_signature_is_refused(string? signature, WebhookVerificationFailure reason)
    {
        var headers = signature is null ? Array.Empty<(string, string)>() : [("flutterwave-signature", signature)];

        var error = Assert.Throws<WebhookVerificationException>(() => _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, headers)));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void An_account_without_a_secret_hash_refuses_every_webhook()
    {
        using var unconfigured = new FlutterwaveFixture(o => o.WebhookSecretHashes.Clear());

        var error = Assert.Throws<WebhookVerificationException>(() => unconfigured.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", FlutterwaveFixture.SecretHash))));

        Assert.Equal(WebhookVerificationFailure.NoSecretConfigured, error.Reason);
    }

    [Fact]
    public void A_replayed_delivery_keeps_its_event_id_and_time()
    {
        var first = _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("flutterwave-signature", ChargeCompletedSignature)));
        _flutterwave.Clock.AdvanceDays(2);
        var replay = _flutterwave.Webhooks.Parse(Delivery(ChargeCompleted, ("verif-hash", FlutterwaveFixture.SecretHash)));

        Assert.Equal(first.EventId, replay.EventId);
        Assert.Equal(first.OccurredAt, replay.OccurredAt);
    }

    [Fact]
    public void The_newer_envelope_gives_its_own_event_id_and_timestamp()
    {
        var parsed = Parse("""{"id":"wbk_9f2c","type":"charge.completed","timestamp":1767600000000,"data":{"id":"77","tx_ref":"bk_pay_7","amount":25000,"currency":"UGX","status":"succeeded"}}""");

        var succeeded = Assert.IsType<PaymentSucceededEvent>(parsed);
        Assert.Equal("wbk_9f2c", succeeded.EventId);
        Assert.Equal(Instant.FromUnixTimeMilliseconds(1767600000000), succeeded.OccurredAt);
        Assert.Equal(Money.FromMinorUnits(25_000, Currency.FromCode("UGX")), succeeded.Amount);
    }

    [Fact]
    public void A_failed_charge_maps_to_payment_failed_with_the_decline_code()
    {
        var failed = Assert.IsType<PaymentFailedEvent>(Parse("""{"event":"charge.completed","data":{"id":9,"tx_ref":"bk_pay_9","amount":100,"currency":"KES","status":"failed","processor_response":"Insufficient funds","created_at":"2026-01-06T00:00:00.000Z"}}"""));

        Assert.Equal("card_declined", failed.FailureCode);
        Assert.Equal("insufficient_funds", failed.DeclineCode);
        Assert.Equal(Money.FromMinorUnits(10_000, Currency.KES), failed.Amount);
        Assert.Equal(PaymentId.From("pay_9"), failed.PaymentId);
    }

    [Fact]
    public void A_charge_that_is_not_final_is_unmapped()
    {
        Assert.IsType<UnmappedEvent>(Parse("""{"event":"charge.completed","data":{"id":9,"amount":100,"currency":"KES","status":"pending"}}"""));
    }

    [Fact]
    public void Refund_events_map_to_refund_succeeded_and_failed()
    {
        var completed = Assert.IsType<RefundSucceededEvent>(Parse("""{"event":"refund.completed","data":{"id":75923,"tx_id":288200108,"amount_refunded":5.25,"currency":"NGN","status":"completed","created_at":"2026-01-24T09:18:37.000Z"}}"""));
        var failed = Assert.IsType<RefundFailedEvent>(Parse("""{"event":"refund.failed","data":{"id":75924,"tx_id":288200108,"amount_refunded":5.25,"currency":"NGN","status":"failed","comments":"card closed","created_at":"2026-01-24T09:18:37.000Z"}}"""));

        Assert.Equal("288200108", completed.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(525, Currency.NGN), completed.Amount);
        Assert.Equal("card closed", failed.FailureReason);
    }

    [Fact]
    public void Chargeback_events_map_to_dispute_opened_and_closed()
    {
        var opened = Assert.IsType<DisputeOpenedEvent>(Parse("""{"event":"chargeback.created","data":{"id":1337,"amount":10.5,"currency":"NGN","status":"initiated","stage":"new","transaction_id":288200108,"due_date":"2026-01-12T00:00:00.000Z","created_at":"2026-01-09T00:00:00.000Z"}}"""));
        var won = Assert.IsType<DisputeClosedEvent>(Parse("""{"event":"chargeback.updated","data":{"id":1337,"amount":10.5,"currency":"NGN","status":"won","transaction_id":288200108,"created_at":"2026-01-09T00:00:00.000Z"}}"""));
        var lost = Assert.IsType<DisputeClosedEvent>(Parse("""{"event":"chargeback.updated","data":{"id":1337,"amount":10.5,"currency":"NGN","status":"lost","transaction_id":288200108,"created_at":"2026-01-09T00:00:00.000Z"}}"""));
        var stillOpen = Parse("""{"event":"chargeback.updated","data":{"id":1337,"amount":10.5,"currency":"NGN","status":"declined","transaction_id":288200108}}""");

        Assert.Equal(Instant.FromUtc(2026, 1, 12, 0, 0), opened.ResponseDueBy);
        Assert.Equal(Money.FromMinorUnits(1050, Currency.NGN), opened.Amount);
        Assert.Equal(DisputeOutcome.Won, won.Outcome);
        Assert.Equal(DisputeOutcome.Lost, lost.Outcome);
        Assert.NotEqual(won.EventId, lost.EventId, StringComparer.Ordinal);
        Assert.IsType<UnmappedEvent>(stillOpen);
    }

    [Fact]
    public void A_chargeback_without_a_currency_is_read_in_the_accounts_single_currency_or_refused()
    {
        const string Body = """{"event":"chargeback.created","data":{"id":1,"amount":100,"status":"initiated","transaction_id":5}}""";
        using var kenya = new FlutterwaveFixture(o => { o.Currencies.Clear(); o.Currencies.Add("KES"); });

        var opened = Assert.IsType<DisputeOpenedEvent>(kenya.Webhooks.Parse(Delivery(Body, ("flutterwave-signature", Hmac(Body)))));
        var error = Assert.Throws<WebhookVerificationException>(() => Parse(Body));

        Assert.Equal(Money.FromMinorUnits(10_000, Currency.KES), opened.Amount);
        Assert.Equal(WebhookVerificationFailure.MalformedBody, error.Reason);
    }
}
