using System.Globalization;
using System.Text.Json;
using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Stripe;

/// <summary>Reads Stripe's JSON objects into the provider port's types.</summary>
internal static class StripeJson
{
    public const string PaymentIdMetadataKey = "billingkit_payment_id";
    public const string InvoiceIdMetadataKey = "billingkit_invoice_id";
    public const string ReasonMetadataKey = "billingkit_reason";
    public const string NoteMetadataKey = "billingkit_note";

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string RequiredString(JsonElement element, string name) =>
        String(element, name) ?? throw Invalid($"'{name}' is missing or not a string");

    public static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    public static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>Reads an expandable field, which arrives as an id string or, when expanded, as the object with its id.</summary>
    public static string? ExpandableId(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => String(value, "id"),
            _ => null,
        };
    }

    public static Instant? Time(JsonElement element, string name) =>
        Long(element, name) is { } seconds ? Instant.FromUnixTimeSeconds(seconds) : null;

    public static Money Amount(JsonElement element, string amountName)
    {
        var amount = Long(element, amountName) ?? throw Invalid($"'{amountName}' is missing or not an integer");
        var currency = RequiredString(element, "currency");
        try
        {
            return StripeCurrencies.FromStripeAmount(amount, currency);
        }
        catch (UnknownCurrencyException ex)
        {
            throw Invalid($"currency '{currency}' is not an ISO 4217 currency", ex);
        }
    }

    public static PaymentId? PaymentIdFromMetadata(JsonElement element) =>
        Object(element, "metadata") is { } metadata && PaymentId.TryFrom(String(metadata, PaymentIdMetadataKey), out var id) ? id : null;

    public static ProviderPayment PaymentIntent(JsonElement pi)
    {
        var status = RequiredString(pi, "status");
        var error = Object(pi, "last_payment_error");
        var latestCharge = Object(pi, "latest_charge");
        return new ProviderPayment
        {
            Provider = ProviderName.Stripe,
            ProviderPaymentId = RequiredString(pi, "id"),
            Amount = Amount(pi, "amount"),
            Status = status switch
            {
                "succeeded" => ProviderPaymentStatus.Succeeded,
                "processing" or "requires_capture" => ProviderPaymentStatus.Processing,
                "requires_action" => ProviderPaymentStatus.RequiresAction,
                "canceled" => ProviderPaymentStatus.Canceled,
                "requires_payment_method" when error is not null => ProviderPaymentStatus.Failed,
                "requires_payment_method" or "requires_confirmation" => ProviderPaymentStatus.Incomplete,
                _ => throw Invalid($"PaymentIntent status '{status}' is unknown"),
            },
            CreatedAt = Time(pi, "created"),
            AmountRefunded = latestCharge is { } charge && Long(charge, "amount_refunded") is not null ? Amount(charge, "amount_refunded") : null,
            PaymentId = PaymentIdFromMetadata(pi),
            ProviderChargeId = ExpandableId(pi, "latest_charge"),
            ProviderCustomerId = ExpandableId(pi, "customer"),
            ProviderPaymentMethodId = ExpandableId(pi, "payment_method"),
            FailureCode = error is { } e1 ? String(e1, "code") : null,
            DeclineCode = error is { } e2 ? String(e2, "decline_code") : null,
            FailureMessage = error is { } e3 ? String(e3, "message") : null,
        };
    }

    public static ProviderPayment Charge(JsonElement charge)
    {
        var status = RequiredString(charge, "status");
        var outcome = Object(charge, "outcome");
        var paymentIntent = ExpandableId(charge, "payment_intent");
        var id = RequiredString(charge, "id");
        return new ProviderPayment
        {
            Provider = ProviderName.Stripe,
            ProviderPaymentId = id,
            Amount = Amount(charge, "amount"),
            Status = status switch
            {
                "succeeded" => ProviderPaymentStatus.Succeeded,
                "pending" => ProviderPaymentStatus.Processing,
                "failed" => ProviderPaymentStatus.Failed,
                _ => throw Invalid($"Charge status '{status}' is unknown"),
            },
            CreatedAt = Time(charge, "created"),
            AmountRefunded = Long(charge, "amount_refunded") is not null ? Amount(charge, "amount_refunded") : null,
            PaymentId = PaymentIdFromMetadata(charge),
            ProviderChargeId = id,
            ProviderCustomerId = ExpandableId(charge, "customer"),
            ProviderPaymentMethodId = String(charge, "payment_method"),
            FailureCode = String(charge, "failure_code"),
            DeclineCode = outcome is { } o && string.Equals(String(o, "type"), "issuer_declined", StringComparison.Ordinal) ? String(o, "reason") : null,
            FailureMessage = String(charge, "failure_message"),
        };
    }

    public static ProviderRefund Refund(JsonElement refund)
    {
        var status = String(refund, "status");
        return new ProviderRefund
        {
            Provider = ProviderName.Stripe,
            ProviderRefundId = RequiredString(refund, "id"),
            ProviderPaymentId = RefundPaymentId(refund),
            Amount = Amount(refund, "amount"),
            Status = RefundStatus(status),
            CreatedAt = Time(refund, "created"),
            FailureReason = String(refund, "failure_reason"),
        };
    }

    public static ProviderRefundStatus RefundStatus(string? status) => status switch
    {
        "succeeded" => ProviderRefundStatus.Succeeded,
        "pending" or null => ProviderRefundStatus.Pending,
        "failed" => ProviderRefundStatus.Failed,
        "canceled" => ProviderRefundStatus.Canceled,
        "requires_action" => ProviderRefundStatus.RequiresAction,
        _ => throw Invalid($"Refund status '{status}' is unknown"),
    };

    /// <summary>The payment a refund or dispute belongs to: the PaymentIntent when there is one, else the charge.</summary>
    public static string RefundPaymentId(JsonElement element) =>
        ExpandableId(element, "payment_intent") ?? ExpandableId(element, "charge") ?? throw Invalid("neither 'payment_intent' nor 'charge' is set");

    public static ProviderCustomer Customer(JsonElement customer)
    {
        var settings = Object(customer, "invoice_settings");
        return new ProviderCustomer
        {
            Provider = ProviderName.Stripe,
            ProviderCustomerId = RequiredString(customer, "id"),
            Email = String(customer, "email"),
            Name = String(customer, "name"),
            DefaultPaymentMethodId = settings is { } s ? ExpandableId(s, "default_payment_method") : null,
            CreatedAt = Time(customer, "created"),
            IsDeleted = Bool(customer, "deleted"),
        };
    }

    public static ProviderDispute Dispute(JsonElement dispute)
    {
        var status = RequiredString(dispute, "status");
        var details = Object(dispute, "evidence_details");
        return new ProviderDispute
        {
            Provider = ProviderName.Stripe,
            ProviderDisputeId = RequiredString(dispute, "id"),
            ProviderPaymentId = RefundPaymentId(dispute),
            Amount = Amount(dispute, "amount"),
            Status = status switch
            {
                "needs_response" or "warning_needs_response" => ProviderDisputeStatus.NeedsResponse,
                "under_review" or "warning_under_review" => ProviderDisputeStatus.UnderReview,
                "won" => ProviderDisputeStatus.Won,
                "lost" => ProviderDisputeStatus.Lost,
                "warning_closed" => ProviderDisputeStatus.ClosedWithoutChargeback,
                _ => throw Invalid($"Dispute status '{status}' is unknown"),
            },
            Reason = String(dispute, "reason"),
            EvidenceDueBy = details is { } d ? Time(d, "due_by") : null,
            EvidenceSubmitted = details is { } d2 && Long(d2, "submission_count") > 0,
            CreatedAt = Time(dispute, "created"),
        };
    }

    public static ProviderSubscription Subscription(JsonElement subscription)
    {
        var cancelAtPeriodEnd = Bool(subscription, "cancel_at_period_end");
        return new ProviderSubscription
        {
            Provider = ProviderName.Stripe,
            ProviderSubscriptionId = RequiredString(subscription, "id"),
            Status = RequiredString(subscription, "status"),
            CancelAtPeriodEnd = cancelAtPeriodEnd,
            CanceledAt = Time(subscription, "canceled_at"),
            EndsAt = Time(subscription, "ended_at") ?? Time(subscription, "cancel_at") ?? (cancelAtPeriodEnd ? Time(subscription, "current_period_end") : null),
        };
    }

    /// <summary>Reads a created Checkout Session: <c>id</c> (<c>cs_...</c>), <c>url</c> and <c>expires_at</c>. The
    /// payment and amount are the request's; no PaymentIntent exists until the customer pays (API 2022-08-01 and
    /// later), so <see cref="HostedCheckout.ProviderPaymentId"/> stays null.</summary>
    public static HostedCheckout CheckoutSession(JsonElement session, HostedCheckoutRequest request)
    {
        var id = RequiredString(session, "id");
        var url = String(session, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var address)
            || !string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            throw Invalid($"Checkout Session '{id}' has no usable 'url' (got {(url is null ? "none" : "'" + url + "'")}, expected an absolute https address to send the customer to)");
        }

        return new HostedCheckout
        {
            Provider = ProviderName.Stripe,
            ProviderCheckoutId = id,
            Url = address,
            PaymentId = request.PaymentId,
            Amount = request.Amount,
            ExpiresAt = Time(session, "expires_at"),
        };
    }

    public static ProviderException Invalid(string what, Exception? inner = null) =>
        new(ProviderName.Stripe, ProviderErrorKind.InvalidResponse, "invalid_response", string.Create(CultureInfo.InvariantCulture, $"Stripe's answer could not be read: {what}. The adapter expects API version {StripeOptions.ApiVersion}."), inner);
}
