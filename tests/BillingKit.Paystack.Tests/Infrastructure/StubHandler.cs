using System.Net;
using System.Text;

namespace BillingKit.Paystack.Tests.Infrastructure;

/// <summary>A recorded request: what the adapter sent, read before the adapter disposed it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body)
{
    public string PathAndQuery => Uri.PathAndQuery;
}

/// <summary>An <see cref="HttpMessageHandler"/> that answers from a script and records every request; no network.</summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

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

    /// <summary>Answers when the script runs out; by default a failure that makes the test fail loudly.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public StubHandler Respond(HttpStatusCode status, string json) => Then(_ => Json(status, json));

    public StubHandler Then(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        lock (_gate)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    public StubHandler Throw(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
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

        return answer(recorded);
    }
}
