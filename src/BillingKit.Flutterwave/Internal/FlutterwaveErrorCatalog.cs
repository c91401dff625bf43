using System.Net;
using BillingKit.Providers;
using BillingKit.Providers.Http;

namespace BillingKit.Flutterwave.Internal;

/// <summary>Maps Flutterwave's error messages and processor responses (free text, from its "Errors" guide and the
/// processor responses of failed transactions) onto the codes every BillingKit adapter uses.</summary>
/// <remarks>Matching is by case-insensitive phrase, first match wins; unknown text falls back on the HTTP status.</remarks>
internal static class FlutterwaveErrorCatalog
{
    /// <summary>Flutterwave's v3 envelope: <c>{status: "success"|"error", message, data}</c>.</summary>
    internal static readonly JsonApiProfile Profile = new(
        ProviderName.Flutterwave,
        "Flutterwave",
        root => string.Equals(root.Text("status"), "success", StringComparison.OrdinalIgnoreCase),
        (status, root) => Classify(status, root.Text("message")));

    internal static readonly IReadOnlyList<(string Phrase, string Code, string? DeclineCode)> Phrases =
    [
        ("insufficient fund", "card_declined", "insufficient_funds"),
        ("do not honor", "card_declined", "do_not_honor"),
        ("do not honour", "card_declined", "do_not_honor"),
        ("expired card", "expired_card", "expired_card"),
        ("card expired", "expired_card", "expired_card"),
        ("token expired", "expired_card", "expired_card"),
        ("stolen", "card_declined", "stolen_card"),
        ("lost card", "card_declined", "lost_card"),
        ("fraud", "card_declined", "fraudulent"),
        ("restricted card", "card_declined", "restricted_card"),
        ("exceeds withdrawal", "card_declined", "card_velocity_exceeded"),
        ("declined", "card_declined", "generic_decline"),
        ("no transaction was found", "resource_missing", null),
        ("transaction not found", "resource_missing", null),
        ("not found", "resource_missing", null),
        ("duplicate", "duplicate_reference", null),
        ("authorization required", "authentication_failed", null),
        ("invalid authorization key", "authentication_failed", null),
        ("secret key required", "authentication_failed", null),
        ("rate limit", "rate_limited", null),
        ("too many requests", "rate_limited", null),
    ];

    public static ProviderErrorInfo Classify(HttpStatusCode? status, string? message)
    {
        if (!string.IsNullOrWhiteSpace(message))
        {
            foreach (var (phrase, code, decline) in Phrases)
            {
                if (message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    return new(code, decline, string.Equals(code, "rate_limited", StringComparison.Ordinal) || ProviderRetry.IsTransientStatus(status));
                }
            }
        }

        return ProviderErrorInfo.FromStatus(status, "invalid_request");
    }

    /// <summary>Classifies a transaction Flutterwave reports as failed, from its processor response.</summary>
    public static (string Code, string? DeclineCode) ClassifyFailedTransaction(string? processorResponse)
    {
        var (code, decline, _) = Classify(null, processorResponse);
        return string.Equals(code, "invalid_request", StringComparison.Ordinal) || string.Equals(code, "resource_missing", StringComparison.Ordinal)
            ? ("card_declined", "generic_decline")
            : (code, decline);
    }
}
