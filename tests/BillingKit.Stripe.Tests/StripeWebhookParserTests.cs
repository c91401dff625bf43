using System.Text;
using System.Text.Json.Nodes;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;
using BillingKit.TestUtilities;
using NodaTime;

namespace BillingKit.Stripe.Tests;

/// <summary>
/// Webhook verification and event mapping. Payloads wrap Stripe's published example objects in an event envelope;
/// signatures are computed here with the same scheme Stripe uses (HMAC-SHA256 of "{t}.{body}" with the endpoint
/// secret, hex) so a regenerated payload needs no stored signature: change the body and the test signs it again.
/// </summary>
public class StripeWebhookParserTests
{
    private const string Secret = "whsec_test_primary_0123456789";
    private const string OtherSecret = "whsec_test_rotated_9876543210";
    private static readonly StripeContract Contract = StripeContract.Instance;
    private readonly FakeClock _clock = FakeClock.AtNewYear2026();

    private long Now => _clock.GetCurrentInstant().ToUnixTimeSeconds();

    private StripeWebhookParser Parser(params string[] secrets)
    {
        var options = new StripeOptions();
        foreach (var secret in secrets)
        {
            options.WebhookSecrets.Add(secret);
        }

        return new StripeWebhookParser("default", options, _clock);
    }

    private static byte[] Event(string type, JsonObject obj, string id = "evt_1NlHWOFTSgX8ss0Htu0HG8Yx", long created = 1767225500)
    {
        var envelope = Contract.Fixture("event");
        envelope["id"] = id;
        envelope["type"] = type;
        envelope["created"] = created;
        envelope["data"] = new JsonObject { ["object"] = obj };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private static WebhookRequest Signed(byte[] body, string secret, long timestamp, string? extra = null) =>
        new(body, [new("stripe-signature", $"t={timestamp},v1={StripeWebhookParser.Sign(secret, timestamp, body)}{extra}")]);

    [Fact]
    public void A_validly_signed_payment_intent_succeeded_becomes_payment_succeeded()
    {
        var pi = Contract.Fixture("payment_intent");
        pi["status"] = "succeeded";
        pi["amount_received"] = 1099;
        pi["latest_charge"] = "ch_1NkX1OFTSgX8ss0HccdkMl7T";
        pi["metadata"] = new JsonObject { ["billingkit_payment_id"] = "pay_7" };

        var e = Assert.IsType<PaymentSucceededEvent>(Parser(Secret).Parse(Signed(Event("payment_intent.succeeded", pi), Secret, Now)));

        Assert.Equal("evt_1NlHWOFTSgX8ss0Htu0HG8Yx", e.EventId);
        Assert.Equal(Instant.FromUnixTimeSeconds(1767225500), e.OccurredAt);
        Assert.Equal(ProviderName.Stripe, e.Provider);
        Assert.Equal("default", e.Account);
        Assert.False(e.IsLive);
        Assert.Equal("pi_1NkX1SFTSgX8ss0HacmMe3s6", e.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(1099, Currency.USD), e.Amount);
        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", e.ProviderChargeId);
        Assert.Equal(PaymentId.From("pay_7"), e.PaymentId);
    }

    [Theory]
    [InlineData("insufficient_funds")]
    [InlineData("do_not_honor")]
    public void Payment_failed_carries_the_decline_code(string declineCode)
    {
        var pi = Contract.Fixture("payment_intent");
        pi["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = declineCode, ["message"] = "declined" };

        var e = Assert.IsType<PaymentFailedEvent>(Parser(Secret).Parse(Signed(Event("payment_intent.payment_failed", pi), Secret, Now)));

        Assert.Equal("card_declined", e.FailureCode);
        Assert.Equal(declineCode, e.DeclineCode);
        Assert.Equal(Money.FromMinorUnits(1099, Currency.USD), e.Amount);
    }

    [Fact]
    public void Charge_refunded_reports_the_total_refunded()
    {
        var charge = Contract.Fixture("charge");
        charge["amount_refunded"] = 100;
        charge["refunded"] = true;

        var e = Assert.IsType<RefundSucceededEvent>(Parser(Secret).Parse(Signed(Event("charge.refunded", charge), Secret, Now)));

        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", e.ProviderPaymentId);
        Assert.Equal(Money.FromMinorUnits(100, Currency.USD), e.TotalRefunded);
        Assert.Null(e.ProviderRefundId);
    }

    [Theory]
    [InlineData("refund.updated")]
    [InlineData("charge.refund.updated")]
    public void Refund_updated_to_succeeded_or_failed_maps_to_the_refund_events(string type)
    {
        var succeeded = Contract.Fixture("refund");
        var failed = Contract.Fixture("refund");
        failed["status"] = "failed";
        failed["failure_reason"] = "expired_or_canceled_card";

        var ok = Assert.IsType<RefundSucceededEvent>(Parser(Secret).Parse(Signed(Event(type, succeeded), Secret, Now)));
        var ko = Assert.IsType<RefundFailedEvent>(Parser(Secret).Parse(Signed(Event(type, failed, id: "evt_2"), Secret, Now)));

        Assert.Equal("re_1NlHWEFTSgX8ss0HovQ0l174", ok.ProviderRefundId);
        Assert.Equal(Money.FromMinorUnits(100, Currency.USD), ok.Amount);
        Assert.Equal("expired_or_canceled_card", ko.FailureReason);
        Assert.Equal("ch_1NkX1OFTSgX8ss0HccdkMl7T", ko.ProviderPaymentId);
    }

    [Fact]
    public void A_pending_refund_update_is_acknowledged_but_not_mapped()
    {
        var pending = Contract.Fixture("refund");
        pending["status"] = "pending";

        Assert.IsType<UnmappedEvent>(Parser(Secret).Parse(Signed(Event("refund.updated", pending), Secret, Now)));
    }

    [Fact]
    public void Dispute_created_carries_amount_and_response_due_date()
    {
        var e = Assert.IsType<DisputeOpenedEvent>(Parser(Secret).Parse(Signed(Event("charge.dispute.created", Contract.Fixture("dispute")), Secret, Now)));

        Assert.Equal("dp_1NlHWEFTSgX8ss0HOI8i3znR", e.ProviderDisputeId);
        Assert.Equal(Money.FromMinorUnits(1000, Currency.USD), e.Amount);
        Assert.Equal(Instant.FromUnixTimeSeconds(1695167999), e.ResponseDueBy);
        Assert.Equal("general", e.Reason);
    }

    [Theory]
    [InlineData("won", DisputeOutcome.Won)]
    [InlineData("lost", DisputeOutcome.Lost)]
    [InlineData("warning_closed", DisputeOutcome.ClosedWithoutChargeback)]
    public void Dispute_closed_says_won_or_lost(string status, DisputeOutcome outcome)
    {
        var dispute = Contract.Fixture("dispute");
        dispute["status"] = status;

        var e = Assert.IsType<DisputeClosedEvent>(Parser(Secret).Parse(Signed(Event("charge.dispute.closed", dispute), Secret, Now)));

        Assert.Equal(outcome, e.Outcome);
    }

    [Fact]
    public void The_published_example_event_is_verified_and_acknowledged_as_unmapped()
    {
        var body = Encoding.UTF8.GetBytes(Contract.FixtureJson("event"));

        var e = Assert.IsType<UnmappedEvent>(Parser(Secret).Parse(Signed(body, Secret, Now)));

        Assert.Equal("plan.created", e.EventType);
        Assert.Equal("evt_1NlHWOFTSgX8ss0Htu0HG8Yx", e.EventId);
        Assert.Equal(Instant.FromUnixTimeSeconds(1234567890), e.OccurredAt);
    }

    [Fact]
    public void A_tampered_body_is_refused_as_a_bad_signature()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));
        var request = Signed(body, Secret, Now);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"amount\":1000", "\"amount\":9000", StringComparison.Ordinal));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(new WebhookRequest(tampered, [new("Stripe-Signature", request.TryGetHeader("Stripe-Signature", out var h) ? h : "")])));

        Assert.Equal(WebhookVerificationFailure.BadSignature, ex.Reason);
        Assert.Contains("altered", ex.Message);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(Signed(body, "whsec_someone_else_000", Now)));

        Assert.Equal(WebhookVerificationFailure.BadSignature, ex.Reason);
    }

    [Fact]
    public void A_stale_timestamp_is_refused_even_with_a_valid_signature()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(Signed(body, Secret, Now - 301)));

        Assert.Equal(WebhookVerificationFailure.StaleTimestamp, ex.Reason);
        Assert.IsType<DisputeOpenedEvent>(Parser(Secret).Parse(Signed(body, Secret, Now - 299)));
    }

    [Fact]
    public void A_timestamp_far_in_the_future_is_refused()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(Signed(body, Secret, Now + 3600)));

        Assert.Equal(WebhookVerificationFailure.StaleTimestamp, ex.Reason);
    }

    [Fact]
    public void A_replayed_delivery_yields_the_same_event_id_so_the_desk_can_drop_it()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"), id: "evt_replayed");
        var parser = Parser(Secret);

        var first = parser.Parse(Signed(body, Secret, Now));
        _clock.Advance(Duration.FromSeconds(60));
        var again = parser.Parse(Signed(body, Secret, Now));

        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first.OccurredAt, again.OccurredAt);
        Assert.Equal(first, again);
    }

    [Fact]
    public void A_replay_of_an_old_delivery_outside_the_tolerance_is_refused()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));
        var captured = Signed(body, Secret, Now);
        _clock.Advance(Duration.FromMinutes(10));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(captured));

        Assert.Equal(WebhookVerificationFailure.StaleTimestamp, ex.Reason);
    }

    [Fact]
    public void Several_secrets_are_accepted_at_once_for_rotation()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));
        var parser = Parser(Secret, OtherSecret);

        Assert.IsType<DisputeOpenedEvent>(parser.Parse(Signed(body, Secret, Now)));
        Assert.IsType<DisputeOpenedEvent>(parser.Parse(Signed(body, OtherSecret, Now)));
    }

    [Fact]
    public void Several_v1_signatures_in_the_header_match_if_any_does()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));
        var good = StripeWebhookParser.Sign(Secret, Now, body);
        var header = $"t={Now},v1={new string('0', 64)},v1={good},v0=ignored";

        Assert.IsType<DisputeOpenedEvent>(Parser(Secret).Parse(new WebhookRequest(body, [new("Stripe-Signature", header)])));
    }

    [Fact]
    public void A_missing_header_is_refused()
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(new WebhookRequest(Event("x.y", new JsonObject()), [])));

        Assert.Equal(WebhookVerificationFailure.MissingHeader, ex.Reason);
    }

    [Theory]
    [InlineData("v1=abc")]
    [InlineData("t=123")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=123,v1=nothex")]
    public void A_malformed_header_is_refused(string header)
    {
        var ex = Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(new WebhookRequest(Event("x.y", new JsonObject()), [new("Stripe-Signature", header)])));

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, ex.Reason);
    }

    [Fact]
    public void Without_a_configured_secret_every_delivery_is_refused()
    {
        var body = Event("charge.dispute.created", Contract.Fixture("dispute"));

        var ex = Assert.Throws<WebhookVerificationException>(() => Parser().Parse(Signed(body, Secret, Now)));

        Assert.Equal(WebhookVerificationFailure.NoSecretConfigured, ex.Reason);
    }

    [Fact]
    public void A_signed_body_that_is_not_an_event_is_refused_as_malformed()
    {
        var body = Encoding.UTF8.GetBytes("{\"hello\":1}");
        var notJson = Encoding.UTF8.GetBytes("not json");

        Assert.Equal(WebhookVerificationFailure.MalformedBody, Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(Signed(body, Secret, Now))).Reason);
        Assert.Equal(WebhookVerificationFailure.MalformedBody, Assert.Throws<WebhookVerificationException>(() => Parser(Secret).Parse(Signed(notJson, Secret, Now))).Reason);
    }

    [Fact]
    public void The_signature_matches_Stripes_documented_scheme()
    {
        // Computed independently: python3 -c "import hmac,hashlib;
        //   print(hmac.new(b'whsec_test_secret', b'1700000000.{}', hashlib.sha256).hexdigest())"
        Assert.Equal(
            "ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3",
            StripeWebhookParser.Sign("whsec_test_secret", 1700000000, "{}"u8));
    }
}
