using System.Text.Json;
using BillingKit.Paystack.Internal;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using NodaTime;

namespace BillingKit.Paystack;

/// <summary>
/// Verifies Paystack webhooks (<c>x-paystack-signature</c>: HMAC-SHA512 of the raw body with the account's secret
/// key, compared in constant time) and maps them to <see cref="BillingEvent"/>s. Get it from
/// <see cref="IPaymentProviderRegistry.GetWebhookParser"/>.
/// </summary>
/// <remarks>
/// <para>Mapped events: <c>charge.success</c> to <see cref="PaymentSucceededEvent"/> (or <see cref="PaymentFailedEvent"/>
/// when its <c>data.status</c> is not <c>success</c>), <c>charge.failed</c> to <see cref="PaymentFailedEvent"/>,
/// <c>refund.processed</c> to <see cref="RefundSucceededEvent"/>, <c>refund.failed</c> to <see cref="RefundFailedEvent"/>,
/// <c>charge.dispute.create</c> to <see cref="DisputeOpenedEvent"/> and <c>charge.dispute.resolve</c> to
/// <see cref="DisputeClosedEvent"/>; any other verified event is an <see cref="UnmappedEvent"/>.</para>
/// <para>Paystack sends neither an event id nor a signed timestamp. The event id is derived from the event type and
/// the ids in its data (the same delivery always gives the same id, so a replay is detected by the caller), and
/// <see cref="BillingEvent.OccurredAt"/> is the latest time the data carries (paid, resolved, updated, created),
/// or the moment of parsing when it carries none. Without a signed timestamp a replayed delivery cannot be refused
/// as stale: deduplicate on <see cref="BillingEvent.EventId"/>. Thread-safe; does no I/O.</para>
/// </remarks>
internal sealed class PaystackWebhookParser : IWebhookParser
{
    private readonly string[] _secrets;
    private readonly IClock _clock;

    internal PaystackWebhookParser(PaystackOptions options, string account, IClock clock)
    {
        _secrets = [.. new[] { options.SecretKey }.Concat(options.PreviousSecretKeys).Where(s => !string.IsNullOrEmpty(s))];
        _clock = clock;
        Account = account;
    }

    /// <inheritdoc/>
    public ProviderName Provider => ProviderName.Paystack;

    /// <inheritdoc/>
    public string Account { get; }

    /// <inheritdoc/>
    public BillingEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_secrets.Length == 0)
        {
            throw Fail(WebhookVerificationFailure.NoSecretConfigured, $"Paystack account '{Account}' has no secret key to verify webhooks with; set PaystackOptions.SecretKey.");
        }

        if (!request.TryGetHeader(PaystackSignature.HeaderName, out var signature) || string.IsNullOrWhiteSpace(signature))
        {
            throw Fail(WebhookVerificationFailure.MissingHeader, "The webhook has no x-paystack-signature header; it does not come from Paystack.");
        }

        if (signature.Trim().Length != 128 || !signature.Trim().All(char.IsAsciiHexDigit))
        {
            throw Fail(WebhookVerificationFailure.MalformedHeader, "The x-paystack-signature header is not 128 hexadecimal digits (an HMAC-SHA512).");
        }

        if (!PaystackSignature.Matches(request.Body.Span, signature, _secrets))
        {
            throw Fail(WebhookVerificationFailure.BadSignature, $"The x-paystack-signature does not match the body under the secret key of account '{Account}': the body was changed, or it was signed with another account's key. Pass the raw body bytes untouched.");
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return Map(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or BillingException or ArgumentException)
        {
            throw Fail(WebhookVerificationFailure.MalformedBody, $"The Paystack webhook is signed but is not an event BillingKit can read: {e.Message}", e);
        }
    }

    private BillingEvent Map(JsonElement root)
    {
        var type = root.Text("event") ?? throw new FormatException("it has no 'event'.");
        var data = root.Child("data") is { ValueKind: JsonValueKind.Object } d ? d : throw new FormatException("it has no 'data' object.");
        var occurred = Latest(data, "paid_at", "paidAt", "resolvedAt", "updatedAt", "updated_at", "createdAt", "created_at") ?? _clock.GetCurrentInstant();
        var domain = data.Text("domain");
        bool? live = domain is null ? null : string.Equals(domain, "live", StringComparison.OrdinalIgnoreCase);
        switch (type)
        {
            case "charge.success" or "charge.failed":
                return MapCharge(type, data, occurred, live);
            case "refund.processed" or "refund.failed":
                return MapRefund(type, data, occurred, live);
            case "charge.dispute.create" or "charge.dispute.resolve":
                return MapDispute(type, data, occurred, live);
            default:
                return new UnmappedEvent
                {
                    Provider = Provider, Account = Account, EventType = type, OccurredAt = occurred, IsLive = live,
                    EventId = $"{type}:{data.Text("id") ?? data.Text("reference") ?? data.Text("transaction_reference") ?? occurred.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                };
        }
    }

    private BillingEvent MapCharge(string type, JsonElement data, Instant occurred, bool? live)
    {
            {
                var reference = data.Text("reference") ?? throw new FormatException("the charge has no reference.");
                var amount = Money.FromMinorUnits(data.Int64("amount") ?? throw new FormatException("the charge has no amount."), Currency.FromCode(data.Text("currency") ?? "XXX"));
                var status = data.Text("status");
                var eventId = $"{type}:{data.Text("id") ?? reference}:{status}";
                var customer = data.Child("customer")?.Text("customer_code");
                var paymentId = ReadPaymentId(data);
                if (string.Equals(type, "charge.success", StringComparison.Ordinal) && string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
                {
                    return new PaymentSucceededEvent
                    {
                        Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                        ProviderPaymentId = reference, Amount = amount, PaymentId = paymentId, ProviderChargeId = data.Text("id"), ProviderCustomerId = customer,
                    };
                }

                var gateway = data.Text("gateway_response") ?? data.Text("message");
                var failure = PaystackErrorCatalog.ClassifyFailedTransaction(gateway);
                return new PaymentFailedEvent
                {
                    Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                    ProviderPaymentId = reference, Amount = amount, PaymentId = paymentId, ProviderCustomerId = customer,
                    FailureCode = failure.Code, DeclineCode = failure.DeclineCode, FailureMessage = gateway,
                };
            }
    }

    private BillingEvent MapRefund(string type, JsonElement data, Instant occurred, bool? live)
    {
            {
                var reference = data.Text("transaction_reference") ?? data.Child("transaction")?.Text("reference") ?? throw new FormatException("the refund has no transaction_reference.");
                var refundId = data.Text("refund_reference") ?? data.Text("id") ?? reference;
                var amount = Money.FromMinorUnits(data.Int64("amount") ?? throw new FormatException("the refund has no amount."), Currency.FromCode(data.Text("currency") ?? "XXX"));
                var eventId = $"{type}:{reference}:{refundId}";
                return string.Equals(type, "refund.processed", StringComparison.Ordinal)
                    ? new RefundSucceededEvent
                    {
                        Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                        ProviderPaymentId = reference, ProviderRefundId = refundId, Amount = amount,
                    }
                    : new RefundFailedEvent
                    {
                        Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                        ProviderPaymentId = reference, ProviderRefundId = refundId, Amount = amount, FailureReason = data.Text("status"),
                    };
            }
    }

    private BillingEvent MapDispute(string type, JsonElement data, Instant occurred, bool? live)
    {
            {
                var disputeId = data.Text("id") ?? throw new FormatException("the dispute has no id.");
                var transaction = data.Child("transaction");
                var reference = (transaction is { ValueKind: JsonValueKind.Object } t ? t.Text("reference") : null)
                    ?? data.Text("transaction_reference") ?? throw new FormatException("the dispute names no transaction reference.");
                var minor = (transaction is { ValueKind: JsonValueKind.Object } tx ? tx.Int64("amount") : null) ?? data.Int64("refund_amount") ?? throw new FormatException("the dispute has no amount.");
                var amount = Money.FromMinorUnits(minor, Currency.FromCode(data.Text("currency") ?? transaction?.Text("currency") ?? "XXX"));
                var eventId = $"{type}:{disputeId}";
                if (string.Equals(type, "charge.dispute.create", StringComparison.Ordinal))
                {
                    return new DisputeOpenedEvent
                    {
                        Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                        ProviderDisputeId = disputeId, ProviderPaymentId = reference, Amount = amount, Reason = data.Text("category"), ResponseDueBy = data.Time("dueAt"),
                    };
                }

                var resolution = data.Text("resolution");
                return new DisputeClosedEvent
                {
                    Provider = Provider, Account = Account, EventId = eventId, EventType = type, OccurredAt = occurred, IsLive = live,
                    ProviderDisputeId = disputeId, ProviderPaymentId = reference, Amount = amount,
                    Outcome = string.Equals(resolution, "declined", StringComparison.OrdinalIgnoreCase) ? DisputeOutcome.Won : DisputeOutcome.Lost,
                };
            }
    }

    private static Instant? Latest(JsonElement data, params string[] names)
    {
        Instant? latest = null;
        foreach (var name in names)
        {
            if (data.Time(name) is { } time && (latest is null || time > latest))
            {
                latest = time;
            }
        }

        return latest;
    }

    private static PaymentId? ReadPaymentId(JsonElement data)
    {
        var metadata = data.Child("metadata");
        try
        {
            if (metadata is { ValueKind: JsonValueKind.String } text)
            {
                using var document = JsonDocument.Parse(text.GetString() ?? "{}");
                return document.RootElement.Text("billingkit_payment_id") is { } value && PaymentId.TryFrom(value, out var id) ? id : null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return metadata?.Text("billingkit_payment_id") is { } raw && PaymentId.TryFrom(raw, out var parsed) ? parsed : null;
    }

    private WebhookVerificationException Fail(WebhookVerificationFailure reason, string message, Exception? inner = null) =>
        new(Provider, reason, message, inner);
}
