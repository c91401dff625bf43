using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Stripe;

/// <summary>Verifies Stripe's <c>Stripe-Signature</c> (HMAC-SHA256 of <c>{t}.{raw body}</c>, several <c>v1</c>
/// values, several endpoint secrets, a timestamp tolerance against the clock) and maps events to
/// <see cref="BillingEvent"/>s.</summary>
internal sealed class StripeWebhookParser : IWebhookParser
{
    public const string SignatureHeader = "Stripe-Signature";
    private readonly byte[][] _secrets;
    private readonly Duration _tolerance;
    private readonly IClock _clock;

    public StripeWebhookParser(string account, StripeOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Account = account;
        _secrets = [.. options.WebhookSecrets.Select(Encoding.UTF8.GetBytes)];
        _tolerance = Duration.FromTimeSpan(options.WebhookTolerance);
        _clock = clock;
    }

    public ProviderName Provider => ProviderName.Stripe;

    public string Account { get; }

    public BillingEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Verify(request);
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return Map(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw Fail(WebhookVerificationFailure.MalformedBody, "The signature is valid but the body is not JSON; check that the body is passed unchanged.", ex);
        }
        catch (ProviderException ex)
        {
            throw Fail(WebhookVerificationFailure.MalformedBody, "The signature is valid but the event cannot be read: " + ex.Message, ex);
        }
        catch (UnknownCurrencyException ex)
        {
            throw Fail(WebhookVerificationFailure.MalformedBody, "The signature is valid but the event names an unknown currency: " + ex.Message, ex);
        }
    }

    private void Verify(WebhookRequest request)
    {
        if (_secrets.Length == 0)
        {
            throw Fail(WebhookVerificationFailure.NoSecretConfigured, $"Stripe account '{Account}' has no webhook secret; add the endpoint's signing secret (whsec_...) to StripeOptions.WebhookSecrets.");
        }

        if (!request.TryGetHeader(SignatureHeader, out var header) || string.IsNullOrWhiteSpace(header))
        {
            throw Fail(WebhookVerificationFailure.MissingHeader, "The Stripe-Signature header is missing; only Stripe's deliveries carry it, so check that the proxy forwards it.");
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals];
            var value = part[(equals + 1)..];
            if (string.Equals(name, "t", StringComparison.Ordinal) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (string.Equals(name, "v1", StringComparison.Ordinal) && value.Length == 64 && IsHex(value))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        if (timestamp is not { } signedAt || signatures.Count == 0)
        {
            throw Fail(WebhookVerificationFailure.MalformedHeader, "The Stripe-Signature header has no timestamp (t=...) or no v1 signature; expected 't=1700000000,v1=<64 hex digits>'.");
        }

        if (!Matches(signedAt, request.Body.Span, signatures))
        {
            throw Fail(WebhookVerificationFailure.BadSignature, $"No v1 signature matches any of the {_secrets.Length} webhook secret(s) of Stripe account '{Account}': the body was altered, or the secret is wrong (use the signing secret of the endpoint that delivered it).");
        }

        var now = _clock.GetCurrentInstant();
        var signed = Instant.FromUnixTimeSeconds(signedAt);
        var skew = now - signed;
        if (skew > _tolerance || -skew > _tolerance)
        {
            throw Fail(WebhookVerificationFailure.StaleTimestamp, string.Create(CultureInfo.InvariantCulture, $"The delivery was signed at {signed} but it is {now}, beyond the tolerance of {_tolerance.TotalSeconds} s: a replayed or delayed delivery, or a skewed clock. Stripe resends late events with a fresh signature."));
        }
    }

    private bool Matches(long timestamp, ReadOnlySpan<byte> body, List<byte[]> signatures)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        var found = false;
        foreach (var secret in _secrets)
        {
            var expected = HMACSHA256.HashData(secret, payload);
            foreach (var signature in signatures)
            {
                // Compare every pair without stopping early, in constant time per comparison.
                found |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        return found;
    }

    internal static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    private BillingEvent Map(JsonElement root)
    {
        var e = new Envelope(
            StripeJson.RequiredString(root, "id"),
            StripeJson.RequiredString(root, "type"),
            StripeJson.Time(root, "created") ?? throw StripeJson.Invalid("'created' is missing"),
            root.TryGetProperty("livemode", out var lm) && lm.ValueKind is JsonValueKind.True or JsonValueKind.False ? lm.GetBoolean() : null);
        var data = StripeJson.Object(root, "data") ?? throw StripeJson.Invalid("'data' is missing");
        var obj = StripeJson.Object(data, "object") ?? throw StripeJson.Invalid("'data.object' is missing");
        return e.Type switch
        {
            "payment_intent.succeeded" => PaymentSucceeded(e, obj),
            "payment_intent.payment_failed" => PaymentFailed(e, obj),
            "charge.refunded" => ChargeRefunded(e, obj),
            "refund.created" or "refund.updated" or "charge.refund.updated" => RefundChanged(e, obj),
            "charge.dispute.created" => DisputeOpened(e, obj),
            "charge.dispute.closed" => DisputeClosed(e, obj),
            _ => Unmapped(e),
        };
    }

    private UnmappedEvent Unmapped(Envelope e) =>
        new() { Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live };

    private PaymentSucceededEvent PaymentSucceeded(Envelope e, JsonElement obj) => new()
    {
        Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
        ProviderPaymentId = StripeJson.RequiredString(obj, "id"),
        Amount = StripeJson.Long(obj, "amount_received") is > 0 ? StripeJson.Amount(obj, "amount_received") : StripeJson.Amount(obj, "amount"),
        PaymentId = StripeJson.PaymentIdFromMetadata(obj),
        ProviderChargeId = StripeJson.ExpandableId(obj, "latest_charge"),
        ProviderCustomerId = StripeJson.ExpandableId(obj, "customer"),
    };

    private PaymentFailedEvent PaymentFailed(Envelope e, JsonElement obj)
    {
        var error = StripeJson.Object(obj, "last_payment_error");
        return new()
        {
            Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
            ProviderPaymentId = StripeJson.RequiredString(obj, "id"),
            Amount = StripeJson.Amount(obj, "amount"),
            PaymentId = StripeJson.PaymentIdFromMetadata(obj),
            FailureCode = error is { } e1 ? StripeJson.String(e1, "code") : null,
            DeclineCode = error is { } e2 ? StripeJson.String(e2, "decline_code") : null,
            FailureMessage = error is { } e3 ? StripeJson.String(e3, "message") : null,
            ProviderCustomerId = StripeJson.ExpandableId(obj, "customer"),
        };
    }

    private RefundSucceededEvent ChargeRefunded(Envelope e, JsonElement obj)
    {
        // Since 2022-11-15 a charge's refunds are only present when expanded; the total is always there.
        var latest = StripeJson.Object(obj, "refunds") is { } refunds && refunds.TryGetProperty("data", out var list)
            && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : (JsonElement?)null;
        return new()
        {
            Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
            ProviderPaymentId = StripeJson.ExpandableId(obj, "payment_intent") ?? StripeJson.RequiredString(obj, "id"),
            ProviderRefundId = latest is { } r1 ? StripeJson.String(r1, "id") : null,
            Amount = latest is { } r2 ? StripeJson.Amount(r2, "amount") : null,
            TotalRefunded = StripeJson.Amount(obj, "amount_refunded"),
        };
    }

    private BillingEvent RefundChanged(Envelope e, JsonElement obj)
    {
        var status = StripeJson.RefundStatus(StripeJson.String(obj, "status"));
        if (status == ProviderRefundStatus.Succeeded)
        {
            return new RefundSucceededEvent
            {
                Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
                ProviderPaymentId = StripeJson.RefundPaymentId(obj),
                ProviderRefundId = StripeJson.RequiredString(obj, "id"),
                Amount = StripeJson.Amount(obj, "amount"),
            };
        }

        if (status is ProviderRefundStatus.Failed or ProviderRefundStatus.Canceled)
        {
            return new RefundFailedEvent
            {
                Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
                ProviderPaymentId = StripeJson.RefundPaymentId(obj),
                ProviderRefundId = StripeJson.RequiredString(obj, "id"),
                Amount = StripeJson.Amount(obj, "amount"),
                FailureReason = StripeJson.String(obj, "failure_reason") ?? (status == ProviderRefundStatus.Canceled ? "canceled" : null),
            };
        }

        return Unmapped(e);
    }

    private DisputeOpenedEvent DisputeOpened(Envelope e, JsonElement obj) => new()
    {
        Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
        ProviderDisputeId = StripeJson.RequiredString(obj, "id"),
        ProviderPaymentId = StripeJson.RefundPaymentId(obj),
        Amount = StripeJson.Amount(obj, "amount"),
        Reason = StripeJson.String(obj, "reason"),
        ResponseDueBy = StripeJson.Object(obj, "evidence_details") is { } details ? StripeJson.Time(details, "due_by") : null,
    };

    private DisputeClosedEvent DisputeClosed(Envelope e, JsonElement obj)
    {
        var status = StripeJson.RequiredString(obj, "status");
        var outcome = status switch
        {
            "won" => DisputeOutcome.Won,
            "lost" => DisputeOutcome.Lost,
            "warning_closed" => DisputeOutcome.ClosedWithoutChargeback,
            _ => throw StripeJson.Invalid($"a closed dispute has status '{status}', expected won, lost or warning_closed"),
        };
        return new()
        {
            Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.Created, IsLive = e.Live,
            ProviderDisputeId = StripeJson.RequiredString(obj, "id"),
            ProviderPaymentId = StripeJson.RefundPaymentId(obj),
            Amount = StripeJson.Amount(obj, "amount"),
            Outcome = outcome,
        };
    }

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static WebhookVerificationException Fail(WebhookVerificationFailure reason, string message, Exception? inner = null) =>
        new(ProviderName.Stripe, reason, message, inner);

    private readonly record struct Envelope(string Id, string Type, Instant Created, bool? Live);
}
