using BillingKit.Providers;

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
