using System.Net;
using System.Text;

namespace BillingKit.TestUtilities.Providers;

/// <summary>An <see cref="HttpMessageHandler"/> that records every request and answers from a script, then from
/// <see cref="Fallback"/>. No network. Thread-safe.</summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers when the script runs out; when null, the request fails loudly.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    /// <summary>Headers added to every answer that does not carry them already (such as a provider's request id).</summary>
    public IDictionary<string, string> ResponseHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets the requests recorded so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Scripts a JSON answer.</summary>
    public StubHttpHandler Respond(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Then(_ => Json(status, json, headers));

    /// <summary>Scripts an answer made from the request.</summary>
    public StubHttpHandler Then(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        lock (_gate)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    /// <summary>Scripts a failure to send (a network error, a timeout).</summary>
    public StubHttpHandler Throw(Exception exception) => Then(_ => throw exception);

    /// <summary>A JSON response.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.MediaType);
        Func<RecordedRequest, HttpResponseMessage>? answer;
        lock (_gate)
        {
            _requests.Add(recorded);
            answer = _script.Count > 0 ? _script.Dequeue() : Fallback;
        }

        if (answer is null)
        {
            throw new InvalidOperationException($"The stub has no answer scripted for {request.Method} {request.RequestUri}.");
        }

        var response = answer(recorded);
        foreach (var (name, value) in ResponseHeaders)
        {
            if (!response.Headers.Contains(name))
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
