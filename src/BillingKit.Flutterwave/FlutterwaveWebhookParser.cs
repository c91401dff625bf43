using System.Globalization;
using System.Text.Json;
using BillingKit.Flutterwave.Internal;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using NodaTime;

namespace BillingKit.Flutterwave;

/// <summary>
/// Verifies Flutterwave webhooks and maps them to <see cref="BillingEvent"/>s. Two schemes, both keyed with a dashboard
/// "secret hash" (<see cref="FlutterwaveOptions.WebhookSecretHashes"/>): the newer <c>flutterwave-signature</c> header,
/// base64 HMAC-SHA256 of the raw body, checked whenever present; otherwise the legacy <c>verif-hash</c> header, which
/// carries the secret hash itself (unless <see cref="FlutterwaveOptions.AcceptLegacyVerifHash"/> is off). Both compare
/// in constant time.
/// </summary>
/// <remarks>
/// <para>Mapped events (v3 payloads, <c>event</c> or <c>type</c>): <c>charge.completed</c> with status
/// <c>successful</c> to <see cref="PaymentSucceededEvent"/> and with status <c>failed</c> to
/// <see cref="PaymentFailedEvent"/> (any other status is an <see cref="UnmappedEvent"/>: not final yet);
/// <c>refund.completed</c> to <see cref="RefundSucceededEvent"/> and <c>refund.failed</c> to
/// <see cref="RefundFailedEvent"/>; <c>chargeback.created</c> to <see cref="DisputeOpenedEvent"/>; and
/// <c>chargeback.updated</c> with status won, lost or accepted to <see cref="DisputeClosedEvent"/>. Amounts are in
/// major units and converted exactly.</para>
/// <para>The event id is the payload's <c>id</c> when it has one, otherwise the event type, the object's id and its
/// status, so a replayed delivery keeps its id. <see cref="BillingEvent.OccurredAt"/> is the payload's
/// <c>timestamp</c> when present, otherwise the object's <c>created_at</c>. Neither scheme signs a timestamp, so a replay
/// cannot be refused as stale: deduplicate on <see cref="BillingEvent.EventId"/>. Thread-safe; does no I/O.</para>
/// </remarks>
internal sealed class FlutterwaveWebhookParser : IWebhookParser
{
    private readonly string[] _secrets;
    private readonly bool _acceptLegacy;
    private readonly Currency? _singleCurrency;
    private readonly IClock _clock;

    internal FlutterwaveWebhookParser(FlutterwaveOptions options, string account, IClock clock)
    {
        _secrets = [.. options.WebhookSecretHashes.Where(s => !string.IsNullOrEmpty(s))];
        _acceptLegacy = options.AcceptLegacyVerifHash;
        _singleCurrency = options.Currencies.Count == 1 && Currency.TryFromCode(options.Currencies.First(), out var only) ? only : null;
        _clock = clock;
        Account = account;
    }

    /// <inheritdoc/>
    public ProviderName Provider => ProviderName.Flutterwave;

    /// <inheritdoc/>
    public string Account { get; }

    /// <inheritdoc/>
    public BillingEvent Parse(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Verify(request);
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return Map(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or BillingException or ArgumentException)
        {
            throw Fail(WebhookVerificationFailure.MalformedBody, $"The Flutterwave webhook is authentic but is not an event BillingKit can read: {e.Message}", e);
        }
    }

    private void Verify(WebhookRequest request)
    {
        if (_secrets.Length == 0)
        {
            throw Fail(WebhookVerificationFailure.NoSecretConfigured, $"Flutterwave account '{Account}' has no webhook secret hash; add the dashboard's secret hash to FlutterwaveOptions.WebhookSecretHashes.");
        }

        if (request.TryGetHeader(FlutterwaveSignature.HmacHeaderName, out var signature) && !string.IsNullOrWhiteSpace(signature))
        {
            if (!Convert.TryFromBase64String(signature.Trim(), new byte[64], out var length) || length != 32)
            {
                throw Fail(WebhookVerificationFailure.MalformedHeader, "The flutterwave-signature header is not a base64 HMAC-SHA256.");
            }

            if (!FlutterwaveSignature.HmacMatches(request.Body.Span, signature, _secrets))
            {
                throw Fail(WebhookVerificationFailure.BadSignature, $"The flutterwave-signature does not match the body under any secret hash of account '{Account}': the body was changed, or another secret signed it. Pass the raw body bytes untouched.");
            }

            return;
        }

        if (!request.TryGetHeader(FlutterwaveSignature.LegacyHeaderName, out var hash) || string.IsNullOrEmpty(hash))
        {
            throw Fail(WebhookVerificationFailure.MissingHeader, "The webhook has neither a flutterwave-signature nor a verif-hash header; it does not come from Flutterwave.");
        }

        if (!_acceptLegacy)
        {
            throw Fail(WebhookVerificationFailure.MissingHeader, $"The webhook has only the legacy verif-hash header, which account '{Account}' no longer accepts (AcceptLegacyVerifHash is off); it needs flutterwave-signature.");
        }

        if (!FlutterwaveSignature.LegacyMatches(hash, _secrets))
        {
            throw Fail(WebhookVerificationFailure.BadSignature, $"The verif-hash header is not a secret hash of account '{Account}'.");
        }
    }

    private BillingEvent Map(JsonElement root)
    {
        var type = root.Text("event") ?? root.Text("type") ?? throw new FormatException("it has no 'event' (or 'type').");
        var data = root.Child("data") is { ValueKind: JsonValueKind.Object } d ? d : throw new FormatException("it has no 'data' object.");
        var occurred = (root.Int64("timestamp") is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : (Instant?)null)
            ?? data.Time("created_at") ?? data.Time("created_datetime") ?? _clock.GetCurrentInstant();
        var status = data.Text("status");
        var eventId = root.Text("id") ?? $"{type}:{data.Text("id") ?? data.Text("tx_ref") ?? "?"}:{status}";
        var common = (Type: type, Id: eventId, At: occurred);
        return type switch
        {
            "charge.completed" => MapCharge(common, data, status),
            "refund.completed" or "refund.failed" => MapRefund(common, data),
            "chargeback.created" or "chargeback.updated" => MapChargeback(common, data, status),
            _ => Unmapped(common),
        };
    }

    private BillingEvent MapCharge((string Type, string Id, Instant At) e, JsonElement data, string? status)
    {
        var paymentId = data.Text("id") ?? throw new FormatException("the charge has no id.");
        var amount = Amount(data, "amount");
        var reference = data.Text("tx_ref") ?? data.Text("reference");
        PaymentId? ours = reference is not null && reference.StartsWith("bk_", StringComparison.Ordinal) && PaymentId.TryFrom(reference[3..], out var parsed) ? parsed : null;
        var customer = data.Child("customer")?.Text("id");
        switch (FlutterwavePaymentProvider.PaymentStatus(status))
        {
            case ProviderPaymentStatus.Succeeded:
                return new PaymentSucceededEvent
                {
                    Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
                    ProviderPaymentId = paymentId, Amount = amount, PaymentId = ours, ProviderChargeId = data.Text("flw_ref"), ProviderCustomerId = customer,
                };
            case ProviderPaymentStatus.Failed:
                var processor = data.Child("processor_response") is { ValueKind: JsonValueKind.Object } response ? response.Text("type") ?? response.Text("code") : data.Text("processor_response");
                var (code, decline) = FlutterwaveErrorCatalog.ClassifyFailedTransaction(processor);
                return new PaymentFailedEvent
                {
                    Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
                    ProviderPaymentId = paymentId, Amount = amount, PaymentId = ours, ProviderCustomerId = customer,
                    FailureCode = code, DeclineCode = decline, FailureMessage = processor,
                };
            default:
                return Unmapped(e);
        }
    }

    private BillingEvent MapRefund((string Type, string Id, Instant At) e, JsonElement data)
    {
        var paymentId = data.Text("tx_id") ?? data.Text("transaction_id") ?? data.Text("TransactionId") ?? throw new FormatException("the refund names no transaction.");
        var refundId = data.Text("id") ?? throw new FormatException("the refund has no id.");
        var major = data.Decimal("amount_refunded") ?? data.Decimal("AmountRefunded") ?? data.Decimal("amount");
        var code = data.Text("currency") ?? data.Text("Currency");
        Money? amount = major is { } value && (code is not null || _singleCurrency is not null)
            ? FlutterwaveAmount.FromMajor(value, code is null ? _singleCurrency!.Value : Currency.FromCode(code))
            : null;
        if (string.Equals(e.Type, "refund.completed", StringComparison.Ordinal))
        {
            return new RefundSucceededEvent
            {
                Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
                ProviderPaymentId = paymentId, ProviderRefundId = refundId, Amount = amount,
            };
        }

        return new RefundFailedEvent
        {
            Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
            ProviderPaymentId = paymentId, ProviderRefundId = refundId,
            Amount = amount ?? throw new FormatException("the failed refund names no amount and currency (set Currencies to the account's single currency)."),
            FailureReason = data.Text("comments") ?? data.Text("status"),
        };
    }

    private BillingEvent MapChargeback((string Type, string Id, Instant At) e, JsonElement data, string? status)
    {
        var disputeId = data.Text("id") ?? throw new FormatException("the chargeback has no id.");
        var paymentId = data.Text("transaction_id") ?? data.Text("tx_id") ?? data.Text("flw_ref") ?? throw new FormatException("the chargeback names no transaction.");
        var amount = Amount(data, "amount");
        if (string.Equals(e.Type, "chargeback.created", StringComparison.Ordinal))
        {
            return new DisputeOpenedEvent
            {
                Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
                ProviderDisputeId = disputeId, ProviderPaymentId = paymentId, Amount = amount, Reason = data.Text("stage"), ResponseDueBy = data.Time("due_date"),
            };
        }

        return FlutterwavePaymentProvider.ChargebackStatus(status) switch
        {
            ProviderDisputeStatus.Won => Closed(DisputeOutcome.Won),
            ProviderDisputeStatus.Lost => Closed(DisputeOutcome.Lost),
            _ => Unmapped(e),
        };

        DisputeClosedEvent Closed(DisputeOutcome outcome) => new()
        {
            Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At,
            ProviderDisputeId = disputeId, ProviderPaymentId = paymentId, Amount = amount, Outcome = outcome,
        };
    }

    private Money Amount(JsonElement data, string name)
    {
        var major = data.Decimal(name) ?? throw new FormatException($"it has no '{name}'.");
        var code = data.Text("currency");
        var currency = code is not null ? Currency.FromCode(code) : _singleCurrency ?? throw new FormatException("it names no currency (set Currencies to the account's single currency to read such events).");
        return FlutterwaveAmount.FromMajor(major, currency);
    }

    private UnmappedEvent Unmapped((string Type, string Id, Instant At) e) =>
        new() { Provider = Provider, Account = Account, EventId = e.Id, EventType = e.Type, OccurredAt = e.At };

    private WebhookVerificationException Fail(WebhookVerificationFailure reason, string message, Exception? inner = null) =>
        new(Provider, reason, message, inner);
}
