using System.Collections.Frozen;

namespace BillingKit.Dunning;

/// <summary>Classifies provider decline codes (Stripe's names, which Paystack and Flutterwave adapters map onto) into advice.</summary>
public static class DeclineCodes
{
    private static readonly FrozenDictionary<string, DeclineAdvice> Known = Build();

    /// <summary>Gets the advice for a decline code.</summary>
    /// <param name="declineCode">The provider's decline code, any case; null or empty when the provider gave none.</param>
    /// <returns>The advice; unknown codes are soft declines retried later on the schedule.</returns>
    public static DeclineAdvice Classify(string? declineCode)
    {
        if (string.IsNullOrWhiteSpace(declineCode))
        {
            return new DeclineAdvice("unknown", DeclineCategory.RetryLater, IsHardDecline: false, DunningTemplates.PaymentFailed, "No decline code: retry later on the schedule.");
        }

        var code = declineCode.Trim().ToLowerInvariant();
        return Known.TryGetValue(code, out var advice)
            ? advice
            : new DeclineAdvice(code, DeclineCategory.RetryLater, IsHardDecline: false, DunningTemplates.PaymentFailed, "Unrecognised decline code: treated as a soft decline and retried later on the schedule.");
    }

    private static FrozenDictionary<string, DeclineAdvice> Build()
    {
        var map = new Dictionary<string, DeclineAdvice>(StringComparer.Ordinal);

        void Add(DeclineCategory category, bool hard, string template, string description, params string[] codes)
        {
            foreach (var code in codes)
            {
                map.Add(code, new DeclineAdvice(code, category, hard, template, description));
            }
        }

        Add(DeclineCategory.RetryLater, false, DunningTemplates.TopUpFunds, "Insufficient funds or a limit reached: retry later; ask the customer to top up.",
            "insufficient_funds", "card_velocity_exceeded", "withdrawal_count_limit_exceeded", "approve_with_id");
        Add(DeclineCategory.RetryLater, false, DunningTemplates.PaymentFailed, "Generic decline: retry later on the schedule.",
            "generic_decline", "card_declined", "duplicate_transaction", "offline_pin_required", "online_or_offline_pin_required", "pin_try_exceeded", "testmode_decline");
        Add(DeclineCategory.RetrySoon, false, DunningTemplates.PaymentFailed, "Transient processing error: retry soon.",
            "processing_error", "issuer_not_available", "try_again_later", "reenter_transaction", "rate_limit");
        Add(DeclineCategory.ContactBank, false, DunningTemplates.ContactBank, "The issuer refused: the customer must call their bank; retries continue on the schedule.",
            "do_not_honor", "call_issuer", "no_action_taken", "not_permitted", "service_not_allowed");
        Add(DeclineCategory.ContactBank, true, DunningTemplates.ContactBank, "The issuer asked not to retry: the customer must call their bank or use another payment method.",
            "do_not_try_again", "transaction_not_allowed", "revocation_of_authorization", "revocation_of_all_authorizations", "stop_payment_order");
        Add(DeclineCategory.UpdatePaymentMethod, true, DunningTemplates.UpdatePaymentMethod, "The card cannot be charged as it is: no retry until the payment method is updated; send the update link.",
            "expired_card", "incorrect_number", "invalid_number", "incorrect_cvc", "invalid_cvc", "invalid_expiry_month", "invalid_expiry_year",
            "incorrect_zip", "incorrect_pin", "invalid_pin", "card_not_supported", "currency_not_supported", "invalid_account", "invalid_amount",
            "new_account_information_available");
        Add(DeclineCategory.UpdatePaymentMethod, true, DunningTemplates.AuthenticationRequired, "The customer must authenticate the payment: no automatic retry until they do or update the payment method.",
            "authentication_required");
        Add(DeclineCategory.Stop, true, DunningTemplates.PaymentMethodRefused, "Fraud, lost or stolen card: stop; never retry this payment method.",
            "fraudulent", "stolen_card", "lost_card", "pickup_card", "restricted_card", "merchant_blacklist", "security_violation");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
