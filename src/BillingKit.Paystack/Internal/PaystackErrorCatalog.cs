using System.Net;
using System.Text.Json;
using BillingKit.Providers;
using BillingKit.Providers.Http;

namespace BillingKit.Paystack.Internal;

/// <summary>Maps Paystack's error messages (its documented catalogue, <c>api-errors.json</c> in PaystackOSS/openapi)
/// and gateway responses onto codes in the vocabulary every BillingKit adapter uses, so that dunning can branch
/// on "card_declined / insufficient_funds" whatever the provider.</summary>
/// <remarks>Paystack has no machine-readable decline codes: it reports failures as text. Messages are compared
/// case-insensitively, ignoring a trailing period; entries whose text holds a number of minutes ("X") match by
/// prefix. Unknown messages fall back on the HTTP status.</remarks>
internal static class PaystackErrorCatalog
{
    /// <summary>Paystack's envelope: <c>{status: true|false, message, data}</c>; a refusal may carry a <c>code</c>.</summary>
    internal static readonly JsonApiProfile Profile = new(
        ProviderName.Paystack,
        "Paystack",
        root => root.Flag("status"),
        (status, root) => Classify(status, root.Text("message"), root.Text("code")));

    internal static readonly IReadOnlyList<Entry> Entries =
    [
        new("Insufficient Funds", "card_declined", "insufficient_funds", false),
        new("Declined", "card_declined", "do_not_honor", false),
        new("Expired Card", "expired_card", "expired_card", false),
        new("Expired card", "expired_card", "expired_card", false),
        new("Pickup card (stolen card)", "card_declined", "stolen_card", false),
        new("Pickup card (lost card)", "card_declined", "lost_card", false),
        new("Denied by fraud system", "card_declined", "fraudulent", false),
        new("Unable to process transaction", "card_declined", "fraudulent", false),
        new("Charge attempt cannot be fulfilled until X minutes", "card_declined", "card_velocity_exceeded", true, Prefix: true),
        new("Watch your spending. Amount cannot be processed online... (What did you expect?).", "amount_too_large", null, false),
        new("Transaction amount limit exceeded", "amount_too_large", null, false),
        new("Authorization code is invalid", "invalid_authorization", null, false),
        new("Invalid Authorization Code", "invalid_authorization", null, false),
        new("Email address does not match authorization code", "authorization_email_mismatch", null, false),
        new("Email does not match Authorization code. Authorization may be inactive or belong to a different email. Please confirm.", "authorization_email_mismatch", null, false),
        new("There was an error checking this authorization. Try again.", "processing_error", null, true),
        new("Duplicate Transaction Reference", "duplicate_reference", null, false),
        new("Duplicate charge request for reference", "duplicate_reference", null, false),
        new("Transaction reference not found", "resource_missing", null, false),
        new("Transaction not found", "resource_missing", null, false),
        new("Customer not found", "resource_missing", null, false),
        new("A customer with the specified email or code was not found", "resource_missing", null, false),
        new("Dispute not found", "resource_missing", null, false),
        new("Transaction has been fully reversed", "charge_already_refunded", null, false),
        new("Insufficient balance to fulfill this refund. Please top up.", "insufficient_balance", null, false),
        new("Cannot refund less than USD 1", "amount_too_small", null, false),
        new("Evidence is required", "evidence_required", null, false),
        new("Currency not supported by merchant", "currency_not_supported", null, false),
        new("Please wait a few minutes and try again.", "rate_limited", null, true),
        new("Invalid key", "authentication_failed", null, false),
        new("Format is Authorization Bearer [secret key]", "authentication_failed", null, false),
        new("No Authorization Header was found", "authentication_failed", null, false),
        new("Error: You do not have privileges for this action. Kindly contact Admin.", "permission_denied", null, false),
        new("Integration has been deactivated", "account_deactivated", null, false),
        new("Invalid Merchant Selected", "account_deactivated", null, false),
        new("Customer code is invalid for your live domain.", "invalid_request", null, false),
    ];

    /// <summary>Classifies an error response (or a failed transaction's gateway response).</summary>
    public static ProviderErrorInfo Classify(HttpStatusCode? status, string? message, string? paystackCode)
    {
        if (Find(message) is { } entry)
        {
            return new ProviderErrorInfo(entry.Code, entry.DeclineCode, entry.IsTransient || ProviderRetry.IsTransientStatus(status));
        }

        return ProviderErrorInfo.FromStatus(status, string.IsNullOrEmpty(paystackCode) ? "invalid_request" : paystackCode);
    }

    /// <summary>Classifies a transaction that Paystack reports with a status other than success.</summary>
    public static ProviderErrorInfo ClassifyFailedTransaction(string? gatewayResponse) =>
        Find(gatewayResponse) is { } entry
            ? new ProviderErrorInfo(entry.Code, entry.DeclineCode, entry.IsTransient)
            : new ProviderErrorInfo("card_declined", "generic_decline", false);

    private static Entry? Find(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = Normalize(message);
        foreach (var entry in Entries)
        {
            var known = Normalize(entry.Message);
            if (entry.Prefix
                ? text.StartsWith(known[..known.IndexOf(" X ", StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase)
                : string.Equals(text, known, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }

    private static string Normalize(string message) => message.Trim().TrimEnd('.');

    internal sealed record Entry(string Message, string Code, string? DeclineCode, bool IsTransient, bool Prefix = false);
}
