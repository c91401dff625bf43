namespace BillingKit.Providers;

/// <summary>A webhook delivery exactly as received: the raw body bytes and the headers.</summary>
/// <remarks>Pass the body bytes untouched; a re-serialized body no longer matches the signature. Header names are
/// case-insensitive; a header sent several times is passed once with its values joined by commas.</remarks>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string> _headers;

    /// <summary>Creates the request.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="headers">The headers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public WebhookRequest(ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Body = body;
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            _headers[name] = _headers.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }
    }

    /// <summary>Gets the raw body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets a header's value.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">The value when present.</param>
    /// <returns><see langword="true"/> when the header is present.</returns>
    public bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
        _headers.TryGetValue(name, out value);
}
