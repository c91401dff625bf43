namespace BillingKit.TestUtilities.Providers;

/// <summary>A request an adapter sent, as <see cref="StubHttpHandler"/> saw it (read before the adapter disposed it).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URI.</param>
/// <param name="Headers">The request headers (values of one name joined by commas), case-insensitive.</param>
/// <param name="Body">The body as text; null when the request had none.</param>
/// <param name="ContentType">The body's media type, or null.</param>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    /// <summary>The path without the query.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>The path and the query.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>The <c>Authorization</c> header, such as "Bearer sk_test_...".</summary>
    public string? Authorization => Header("Authorization");

    /// <summary>The form parameters: the query for GET and DELETE, the body for POST, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        Decode(Method == HttpMethod.Post ? Body ?? string.Empty : Uri.Query.TrimStart('?'));

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first form parameter of that key, or null.</summary>
    public string? Parameter(string key) => Parameters.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>Decodes <c>application/x-www-form-urlencoded</c> text.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string encoded) =>
        encoded.Length == 0
            ? []
            : encoded.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return new KeyValuePair<string, string>(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
            }).ToList();
}
