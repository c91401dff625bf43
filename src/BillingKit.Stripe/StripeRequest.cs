namespace BillingKit.Stripe;

/// <summary>One Stripe API call: method, path (ids already escaped), parameters (query for GET and DELETE without a
/// body, form body otherwise) and the idempotency key reused by every retry.</summary>
internal sealed record StripeRequest(HttpMethod Method, string Path, StripeForm Parameters, string? IdempotencyKey)
{
    public static string Escape(string id) => Uri.EscapeDataString(id);

    public HttpRequestMessage ToHttpRequest(string secretKey)
    {
        var encoded = Parameters.Encode();
        var sendsBody = Method == HttpMethod.Post;
        var uri = !sendsBody && encoded.Length > 0 ? Path + "?" + encoded : Path;
        var message = new HttpRequestMessage(Method, new Uri(uri, UriKind.Relative));
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secretKey);
        message.Headers.TryAddWithoutValidation("Stripe-Version", StripeOptions.ApiVersion);
        message.Headers.TryAddWithoutValidation("User-Agent", "BillingKit.Stripe/" + typeof(StripeRequest).Assembly.GetName().Version);
        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (sendsBody)
        {
            message.Content = new StringContent(encoded, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return message;
    }
}
