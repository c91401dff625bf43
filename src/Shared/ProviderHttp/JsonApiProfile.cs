using System.Net;
using System.Text.Json;

namespace BillingKit.Providers.Http;

/// <summary>What differs between the JSON REST APIs that <see cref="JsonProviderApi"/> talks to.</summary>
/// <param name="Provider">The provider errors are raised for.</param>
/// <param name="DisplayName">The name used in messages and logs ("Paystack").</param>
/// <param name="IsSuccess">Whether an answer's envelope (a JSON object on a 2xx) reports success.</param>
/// <param name="Classify">Maps a refusal (the HTTP status and the envelope, or an empty element when the body is
/// not an object) onto a <see cref="ProviderErrorInfo"/>.</param>
internal sealed record JsonApiProfile(
    ProviderName Provider,
    string DisplayName,
    Func<JsonElement, bool> IsSuccess,
    Func<HttpStatusCode, JsonElement, ProviderErrorInfo> Classify);
