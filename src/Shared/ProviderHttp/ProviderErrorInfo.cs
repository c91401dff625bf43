using System.Net;

namespace BillingKit.Providers.Http;

/// <summary>A provider's refusal in the vocabulary every adapter uses: the code, the decline code for card
/// declines, and whether trying again later may succeed.</summary>
internal readonly record struct ProviderErrorInfo(string Code, string? DeclineCode, bool IsTransient)
{
    /// <summary>The refusal an HTTP status means when the provider's message is not one the adapter knows;
    /// <paramref name="otherwise"/> for a 4xx without a meaning of its own.</summary>
    public static ProviderErrorInfo FromStatus(HttpStatusCode? status, string otherwise) => status switch
    {
        HttpStatusCode.Unauthorized => new("authentication_failed", null, false),
        HttpStatusCode.Forbidden => new("permission_denied", null, false),
        HttpStatusCode.NotFound => new("resource_missing", null, false),
        HttpStatusCode.TooManyRequests => new("rate_limited", null, true),
        { } s when (int)s >= 500 => new("api_error", null, true),
        _ => new(otherwise, null, false),
    };
}
