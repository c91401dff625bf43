using System.Net;
using System.Text;

namespace BillingKit.Stripe.Tests.Infrastructure;

/// <summary>A request the adapter sent, as the stub saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    /// <summary>The form parameters: the query for GET and DELETE, the body for POST, decoded, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        Decode(Method == HttpMethod.Post ? Body : Uri.Query.TrimStart('?'));

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Parameter(string key) => Parameters.FirstOrDefault(p => p.Key == key).Value;

    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string encoded) =>
        encoded.Length == 0
            ? []
            : encoded.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return new KeyValuePair<string, string>(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
            }).ToList();
}

/// <summary>An <see cref="HttpMessageHandler"/> that records requests and answers from a queue, then from a
/// fallback responder. No network.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _queue = new();
    private readonly List<RecordedRequest> _requests = [];

    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public StubHandler Respond(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        _queue.Enqueue(_ => Json(status, json, headers));
        return this;
    }

    public StubHandler Throw(Exception exception)
    {
        _queue.Enqueue(_ => throw exception);
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_test123");
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.MediaType);
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        Func<RecordedRequest, HttpResponseMessage>? next;
        lock (_queue)
        {
            _queue.TryDequeue(out next);
        }

        next ??= Fallback ?? throw new InvalidOperationException($"The stub has no answer for {request.Method} {request.RequestUri}.");
        return next(recorded);
    }
}
