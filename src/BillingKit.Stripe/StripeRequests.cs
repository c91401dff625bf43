using BillingKit.Providers;
using NodaTime;

namespace BillingKit.Stripe;

/// <summary>Builds every request the adapter sends. Pure: the contract tests check each against Stripe's spec.</summary>
internal static class StripeRequests
{
    public static StripeRequest RetrievePayment(string providerPaymentId)
    {
        if (providerPaymentId.StartsWith("pi_", StringComparison.Ordinal))
        {
            return new(HttpMethod.Get, "/v1/payment_intents/" + StripeRequest.Escape(providerPaymentId), new StripeForm().AddExpand("latest_charge"), null);
        }

        if (providerPaymentId.StartsWith("ch_", StringComparison.Ordinal) || providerPaymentId.StartsWith("py_", StringComparison.Ordinal))
        {
            return new(HttpMethod.Get, "/v1/charges/" + StripeRequest.Escape(providerPaymentId), new StripeForm(), null);
        }

        throw new ArgumentException($"'{providerPaymentId}' is not a Stripe payment id; expected a PaymentIntent (pi_...) or a Charge (ch_... or py_...).", nameof(providerPaymentId));
    }

    public static StripeRequest ChargeSavedPaymentMethod(SavedPaymentMethodCharge charge)
    {
        var key = "charge:" + charge.IdempotencyKey.Value;
        if (charge.ProviderPaymentId is { } intent)
        {
            if (!intent.StartsWith("pi_", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{intent}' is not a Stripe PaymentIntent id; only a PaymentIntent (pi_...) can be confirmed with a saved payment method.", nameof(charge));
            }

            var confirm = new StripeForm()
                .Add("payment_method", charge.ProviderPaymentMethodId)
                .Add("off_session", true)
                .AddExpand("latest_charge");
            return new(HttpMethod.Post, "/v1/payment_intents/" + StripeRequest.Escape(intent) + "/confirm", confirm, key);
        }

        var form = new StripeForm()
            .Add("amount", StripeCurrencies.ToStripeAmount(charge.Amount))
            .Add("currency", StripeCurrencies.ToStripeCode(charge.Amount.Currency))
            .Add("customer", charge.ProviderCustomerId)
            .Add("payment_method", charge.ProviderPaymentMethodId)
            .Add("confirm", true)
            .Add("off_session", true)
            .Add("description", charge.Description)
            .AddMetadata(StripeJson.PaymentIdMetadataKey, charge.PaymentId.Value)
            .AddMetadata(StripeJson.InvoiceIdMetadataKey, charge.InvoiceId?.Value)
            .AddExpand("latest_charge");
        return new(HttpMethod.Post, "/v1/payment_intents", form, key);
    }

    public static StripeRequest Refund(RefundRequest refund)
    {
        var id = refund.ProviderPaymentId;
        var form = new StripeForm();
        if (id.StartsWith("pi_", StringComparison.Ordinal))
        {
            form.Add("payment_intent", id);
        }
        else if (id.StartsWith("ch_", StringComparison.Ordinal) || id.StartsWith("py_", StringComparison.Ordinal))
        {
            form.Add("charge", id);
        }
        else
        {
            throw new ArgumentException($"'{id}' is not a Stripe payment id; expected a PaymentIntent (pi_...) or a Charge (ch_... or py_...).", nameof(refund));
        }

        if (refund.Amount is { } amount)
        {
            form.Add("amount", StripeCurrencies.ToStripeAmount(amount));
        }

        form.Add("reason", refund.Reason switch
        {
            RefundReason.RequestedByCustomer => "requested_by_customer",
            RefundReason.Duplicate => "duplicate",
            RefundReason.Fraudulent => "fraudulent",
            _ => null,
        });
        form.AddMetadata(StripeJson.ReasonMetadataKey, ReasonText(refund.Reason))
            .AddMetadata(StripeJson.NoteMetadataKey, refund.Note)
            .AddMetadata(StripeJson.PaymentIdMetadataKey, refund.PaymentId?.Value);
        return new(HttpMethod.Post, "/v1/refunds", form, "refund:" + refund.IdempotencyKey.Value);
    }

    /// <summary>Stripe's allowed window for a Checkout Session's <c>expires_at</c>: "anywhere from 30 minutes to 24
    /// hours after Checkout Session creation" (spec, <c>POST /v1/checkout/sessions</c>).</summary>
    internal static readonly Duration CheckoutMinimumLifetime = Duration.FromMinutes(30);

    /// <inheritdoc cref="CheckoutMinimumLifetime"/>
    internal static readonly Duration CheckoutMaximumLifetime = Duration.FromHours(24);

    /// <summary>How far inside Stripe's window a requested expiry is kept, for the request's travel time and clock skew
    /// between us and Stripe (the session is created a little after our <c>now</c>).</summary>
    internal static readonly Duration CheckoutExpiryMargin = Duration.FromMinutes(5);

    public static StripeRequest CreateCheckoutSession(HostedCheckoutRequest checkout, Instant now)
    {
        var name = checkout.Description is { Length: > 0 } description
            ? description
            : checkout.InvoiceId is { } invoice ? "Invoice " + invoice.Value : "Payment " + checkout.PaymentId.Value;
        var form = new StripeForm()
            .Add("mode", "payment")
            .Add("line_items[0][price_data][currency]", StripeCurrencies.ToStripeCode(checkout.Amount.Currency))
            .Add("line_items[0][price_data][unit_amount]", StripeCurrencies.ToStripeAmount(checkout.Amount))
            .Add("line_items[0][price_data][product_data][name]", name)
            .Add("line_items[0][quantity]", 1)
            .Add("success_url", checkout.ReturnUrl.AbsoluteUri)
            .Add("cancel_url", (checkout.CancelUrl ?? checkout.ReturnUrl).AbsoluteUri);

        // Stripe refuses customer together with customer_email: a known customer's email is prefilled from Stripe.
        if (!string.IsNullOrWhiteSpace(checkout.ProviderCustomerId))
        {
            form.Add("customer", checkout.ProviderCustomerId);
        }
        else
        {
            form.Add("customer_email", checkout.CustomerEmail);
        }

        form.Add("client_reference_id", checkout.InvoiceId?.Value)
            .AddMetadata(StripeJson.PaymentIdMetadataKey, checkout.PaymentId.Value)
            .AddMetadata(StripeJson.InvoiceIdMetadataKey, checkout.InvoiceId?.Value)
            .AddNested("payment_intent_data", "description", StripeForm.Cut(name, 1000))

            // The PaymentIntent that Checkout creates when the customer pays carries our ids too, so that
            // payment_intent.succeeded maps to our payment and ResolvePaymentAsync's metadata search finds it.
            .AddMetadata("payment_intent_data", StripeJson.PaymentIdMetadataKey, checkout.PaymentId.Value)
            .AddMetadata("payment_intent_data", StripeJson.InvoiceIdMetadataKey, checkout.InvoiceId?.Value);
        if (checkout.ExpiresAt is { } expiresAt)
        {
            form.Add("expires_at", CheckoutExpiry(expiresAt, now).ToUnixTimeSeconds());
        }

        return new(HttpMethod.Post, "/v1/checkout/sessions", form, "checkout:" + checkout.IdempotencyKey.Value);
    }

    /// <summary>Keeps a requested expiry inside Stripe's window (30 minutes to 24 hours after creation), with
    /// <see cref="CheckoutExpiryMargin"/> on both sides, in whole seconds.</summary>
    /// <remarks>An expiry that has to be moved goes to a whole minute, so that a call repeated with the same
    /// idempotency key within the same minute sends the same parameters (Stripe refuses a reused key whose parameters
    /// differ); an expiry inside the window is sent as asked and does not depend on the clock at all.</remarks>
    internal static Instant CheckoutExpiry(Instant requested, Instant now)
    {
        var earliest = now + CheckoutMinimumLifetime + CheckoutExpiryMargin;
        var latest = now + CheckoutMaximumLifetime - CheckoutExpiryMargin;
        if (requested < earliest)
        {
            var minutes = earliest.ToUnixTimeSeconds() / 60;
            var atMinute = Instant.FromUnixTimeSeconds(minutes * 60);
            return atMinute < earliest ? atMinute + Duration.FromMinutes(1) : atMinute;
        }

        if (requested > latest)
        {
            return Instant.FromUnixTimeSeconds(latest.ToUnixTimeSeconds() / 60 * 60);
        }

        // Stripe takes whole seconds: round inwards so the margin holds.
        var seconds = Instant.FromUnixTimeSeconds(requested.ToUnixTimeSeconds());
        return seconds < earliest ? seconds + Duration.FromSeconds(1) : seconds;
    }

    public static StripeRequest RetrieveCustomer(string customerId) =>
        new(HttpMethod.Get, "/v1/customers/" + StripeRequest.Escape(customerId), new StripeForm(), null);

    public static StripeRequest ListCustomersByEmail(string email, string? startingAfter) =>
        new(HttpMethod.Get, "/v1/customers", new StripeForm().Add("email", email).Add("limit", StripePaymentProvider.PageSize).Add("starting_after", startingAfter), null);

    public static StripeRequest SearchPaymentIntentsByPaymentId(PaymentId paymentId)
    {
        var value = paymentId.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        var query = "metadata['" + StripeJson.PaymentIdMetadataKey + "']:'" + value + "'";
        return new(HttpMethod.Get, "/v1/payment_intents/search", new StripeForm().Add("query", query).Add("limit", 10), null);
    }

    public static StripeRequest UpdateDispute(DisputeEvidence evidence)
    {
        var form = new StripeForm();
        void Evidence(string field, string? value) => form.AddNested("evidence", field, value);
        Evidence("access_activity_log", evidence.AccessActivityLog);
        Evidence("billing_address", evidence.BillingAddress);
        Evidence("cancellation_policy_disclosure", evidence.CancellationPolicyDisclosure);
        Evidence("cancellation_rebuttal", evidence.CancellationRebuttal);
        Evidence("customer_communication", evidence.CustomerCommunicationFileId);
        Evidence("customer_email_address", evidence.CustomerEmail);
        Evidence("customer_name", evidence.CustomerName);
        Evidence("customer_purchase_ip", evidence.CustomerPurchaseIp);
        Evidence("product_description", evidence.ProductDescription);
        Evidence("receipt", evidence.ReceiptFileId);
        Evidence("refund_policy_disclosure", evidence.RefundPolicyDisclosure);
        Evidence("refund_refusal_explanation", evidence.RefundRefusalExplanation);
        Evidence("service_date", evidence.ServiceDate);
        Evidence("uncategorized_text", Uncategorized(evidence));
        form.Add("submit", evidence.Submit);
        return new(HttpMethod.Post, "/v1/disputes/" + StripeRequest.Escape(evidence.ProviderDisputeId), form, "dispute-evidence:" + evidence.IdempotencyKey.Value);
    }

    public static StripeRequest CloseDispute(string disputeId, IdempotencyKey idempotencyKey) =>
        new(HttpMethod.Post, "/v1/disputes/" + StripeRequest.Escape(disputeId) + "/close", new StripeForm(), "dispute-close:" + idempotencyKey.Value);

    public static StripeRequest CancelSubscription(SubscriptionCancellation cancellation)
    {
        var path = "/v1/subscriptions/" + StripeRequest.Escape(cancellation.ProviderSubscriptionId);
        var key = "subscription-cancel:" + cancellation.IdempotencyKey.Value;
        return cancellation.Timing == SubscriptionCancellationTiming.Immediately
            ? new(HttpMethod.Delete, path, new StripeForm(), key)
            : new(HttpMethod.Post, path, new StripeForm().Add("cancel_at_period_end", true), key);
    }

    private static string? Uncategorized(DisputeEvidence evidence)
    {
        // Stripe has no phone field; the phone goes with the free text so it is not lost.
        if (evidence.CustomerPhone is null)
        {
            return evidence.UncategorizedText;
        }

        var phone = "Customer phone: " + evidence.CustomerPhone;
        return evidence.UncategorizedText is null ? phone : evidence.UncategorizedText + "\n" + phone;
    }

    private static string ReasonText(RefundReason reason) => reason switch
    {
        RefundReason.RequestedByCustomer => "requested_by_customer",
        RefundReason.Duplicate => "duplicate",
        RefundReason.Fraudulent => "fraudulent",
        RefundReason.Goodwill => "goodwill",
        RefundReason.ServiceIssue => "service_issue",
        RefundReason.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Expected a defined RefundReason."),
    };
}
