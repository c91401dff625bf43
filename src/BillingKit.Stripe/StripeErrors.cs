using System.Text.Json;
using BillingKit.Providers;

namespace BillingKit.Stripe;

/// <summary>Maps Stripe's error object (<c>{"error": {"type", "code", "decline_code", "message", ...}}</c>) onto
/// <see cref="ProviderException"/>.</summary>
internal static class StripeErrors
{
    public static ProviderException Map(StripeRequest request, HttpResponseMessage response, byte[] body, string account)
    {
        var status = (int)response.StatusCode;
        string? type = null, code = null, declineCode = null, message = null, paymentIntentId = null, param = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                type = StripeJson.String(error, "type");
                code = StripeJson.String(error, "code");
                declineCode = StripeJson.String(error, "decline_code");
                message = StripeJson.String(error, "message");
                param = StripeJson.String(error, "param");
                paymentIntentId = StripeJson.ExpandableId(error, "payment_intent");
            }
        }
        catch (JsonException)
        {
            // Not Stripe's error object (a proxy's HTML page, for example): map on the status alone.
        }

        var kind = Kind(status, type, code);
        var shouldRetry = StripeApiClient.Header(response, "Stripe-Should-Retry");
        var transient = shouldRetry is not null
            ? string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase)
            : kind is ProviderErrorKind.RateLimited or ProviderErrorKind.ProviderUnavailable || (kind == ProviderErrorKind.Conflict && !string.Equals(type, "idempotency_error", StringComparison.Ordinal));
        var effectiveCode = code ?? type ?? "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = $"Stripe refused {request.Method} {request.Path} with {status} {effectiveCode}"
            + (declineCode is null ? string.Empty : $" (decline code {declineCode})")
            + (param is null ? string.Empty : $" on parameter '{param}'")
            + ": " + (message ?? "no error message.")
            + Advice(kind, transient);
        return new ProviderException(ProviderName.Stripe, kind, effectiveCode, text)
        {
            DeclineCode = declineCode,
            HttpStatus = status,
            IsTransient = transient,
            Account = account,
            RequestId = StripeApiClient.Header(response, "Request-Id"),
            ProviderPaymentId = paymentIntentId,
        };
    }

    private static ProviderErrorKind Kind(int status, string? type, string? code) => (status, type, code) switch
    {
        (_, _, "authentication_required") => ProviderErrorKind.AuthenticationRequired,
        (_, "card_error", _) => ProviderErrorKind.Declined,
        (402, _, _) => ProviderErrorKind.Declined,
        (_, "idempotency_error", _) => ProviderErrorKind.Conflict,
        (_, _, "resource_missing") => ProviderErrorKind.NotFound,
        (_, _, "rate_limit") => ProviderErrorKind.RateLimited,
        (401 or 403, _, _) => ProviderErrorKind.Unauthorized,
        (404, _, _) => ProviderErrorKind.NotFound,
        (409, _, _) => ProviderErrorKind.Conflict,
        (429, _, _) => ProviderErrorKind.RateLimited,
        (>= 500, _, _) => ProviderErrorKind.ProviderUnavailable,
        (400, _, _) => ProviderErrorKind.InvalidRequest,
        _ => ProviderErrorKind.Unknown,
    };

    private static string Advice(ProviderErrorKind kind, bool transient) => kind switch
    {
        ProviderErrorKind.Declined => " Ask the customer for another payment method, or retry on the dunning schedule.",
        ProviderErrorKind.AuthenticationRequired => " The customer must authenticate the payment on-session; send them a payment link.",
        ProviderErrorKind.Unauthorized => " Check the account's SecretKey and its permissions.",
        ProviderErrorKind.NotFound => " Check the id and that it belongs to this Stripe account and mode.",
        ProviderErrorKind.Conflict when !transient => " The idempotency key was reused with different parameters; derive a new key for a different operation.",
        _ when transient => " Retrying with the same idempotency key may succeed.",
        _ => string.Empty,
    };
}
