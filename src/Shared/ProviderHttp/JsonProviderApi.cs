using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;

namespace BillingKit.Providers.Http;

/// <summary>A provider's JSON REST API over one <see cref="HttpClient"/>: bearer secret key, JSON bodies, the
/// provider's <c>{status, message, data}</c> envelope (read through a <see cref="JsonApiProfile"/>), errors mapped
/// onto <see cref="ProviderException"/>, and retries with exponential backoff and jitter on 429, 5xx and network
/// failures, as far as the operation's <see cref="RetrySafety"/> allows.</summary>
internal sealed partial class JsonProviderApi
{
    private readonly HttpClient _http;
    private readonly JsonApiProfile _profile;
    private readonly string _secretKey;
    private readonly string _account;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<JsonElement> _pipeline;

    public JsonProviderApi(HttpClient http, JsonApiProfile profile, ProviderHttpSettings settings, string account, ILogger logger)
    {
        _http = http;
        _profile = profile;
        _secretKey = settings.SecretKey;
        _account = account;
        _logger = logger;
        _pipeline = ProviderRetry.ForAttempts<JsonElement>(settings.MaxRetries, settings.RetryBaseDelay, settings.MaxRetryDelay);
    }

    private string Name => _profile.DisplayName;

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, body: null, RetrySafety.Idempotent, cancellationToken);

    /// <summary>Sends a request and returns the envelope's root on success; throws <see cref="ProviderException"/>.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, RetrySafety safety, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync(method, path, payload, safety, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptFailedException failed)
        {
            throw failed.Error;
        }
    }

    private async ValueTask<JsonElement> SendOnceAsync(HttpMethod method, string path, string? payload, RetrySafety safety, CancellationToken cancellationToken)
    {
        var logPath = Redact(path);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secretKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (payload is not null)
        {
            request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var neverSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            LogNetworkFailure(_logger, Name, method.Method, logPath, _account, e.HttpRequestError);
            throw new AttemptFailedException(
                Error(ProviderErrorKind.Network, "network_error", $"{Name} could not be reached ({e.HttpRequestError}); the outcome is unknown, so reconcile before assuming anything.", null, e),
                neverSent || safety == RetrySafety.Idempotent);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(_logger, Name, method.Method, logPath, _account);
            throw new AttemptFailedException(
                Error(ProviderErrorKind.Network, "timeout", $"{Name} did not answer in time; the outcome is unknown, so reconcile before assuming anything.", null, e),
                safety == RetrySafety.Idempotent);
        }

        using (response)
        {
            return await ReadAsync(response, method, path, logPath, safety, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<JsonElement> ReadAsync(HttpResponseMessage response, HttpMethod method, string path, string logPath, RetrySafety safety, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        LogResponse(_logger, Name, method.Method, logPath, _account, (int)status);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var transient = ProviderRetry.IsTransientStatus(status);
            throw new AttemptFailedException(
                Error(transient ? ProviderErrorKind.ProviderUnavailable : ProviderErrorKind.InvalidResponse, transient ? "api_error" : "invalid_response", $"{Name} answered HTTP {(int)status} with a body that is not JSON.", (int)status, e),
                transient && (safety == RetrySafety.Idempotent || status == HttpStatusCode.TooManyRequests));
        }

        if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && _profile.IsSuccess(root))
        {
            return root;
        }

        var message = root.Text("message");
        var info = _profile.Classify(status, root);
        var error = Error(KindOf(info, status), info.Code, $"{Name} refused {method.Method} {PathOnly(path)}: {message ?? "no message"} (HTTP {(int)status}).", (int)status, null, info.DeclineCode, info.IsTransient);
        var notProcessed = status == HttpStatusCode.TooManyRequests;
        throw new AttemptFailedException(error, info.IsTransient && (notProcessed || safety == RetrySafety.Idempotent));
    }

    public ProviderException Error(ProviderErrorKind kind, string code, string message, int? httpStatus, Exception? inner = null, string? declineCode = null, bool? transient = null)
    {
        var exception = new ProviderException(_profile.Provider, kind, code, message, inner)
        {
            Account = _account,
            HttpStatus = httpStatus,
            DeclineCode = declineCode,
        };
        return transient is { } value ? WithTransient(exception, value) : exception;
    }

    /// <summary>An answer that cannot be trusted (HTTP 200, but missing or contradictory data).</summary>
    public ProviderException Invalid(string what) =>
        Error(ProviderErrorKind.InvalidResponse, "invalid_response", $"{Name} returned {what}; the answer cannot be trusted.", 200);

    /// <summary>Checks the payment a saved-method charge produced: it must be for the amount charged, and a failed or
    /// canceled one raises <see cref="ProviderErrorKind.Declined"/>. Returns it with our payment id.</summary>
    public ProviderPayment CheckCharge(ProviderPayment payment, SavedPaymentMethodCharge charge)
    {
        if (payment.Amount != charge.Amount)
        {
            throw Error(ProviderErrorKind.InvalidResponse, "amount_mismatch", $"{Name} reports transaction {payment.ProviderPaymentId} as {payment.Amount}, but {charge.Amount} was charged; check it in the {Name} dashboard before recording anything.", 200);
        }

        if (payment.Status is ProviderPaymentStatus.Failed or ProviderPaymentStatus.Canceled)
        {
            throw new ProviderException(_profile.Provider, ProviderErrorKind.Declined, payment.FailureCode ?? "card_declined", $"{Name} declined the charge of {charge.Amount} ({payment.FailureMessage ?? "no reason given"}).")
            {
                Account = _account,
                HttpStatus = 200,
                DeclineCode = payment.DeclineCode,
                ProviderPaymentId = payment.ProviderPaymentId,
            };
        }

        return payment with { PaymentId = payment.PaymentId ?? charge.PaymentId };
    }

    internal static ProviderErrorKind KindOf(ProviderErrorInfo info, HttpStatusCode? status) => info.Code switch
    {
        "card_declined" or "expired_card" => ProviderErrorKind.Declined,
        "resource_missing" => ProviderErrorKind.NotFound,
        "authentication_failed" or "permission_denied" or "account_deactivated" => ProviderErrorKind.Unauthorized,
        "rate_limited" => ProviderErrorKind.RateLimited,
        "duplicate_reference" => ProviderErrorKind.Conflict,
        "api_error" => ProviderErrorKind.ProviderUnavailable,
        _ when status is { } s && (int)s >= 500 => ProviderErrorKind.ProviderUnavailable,
        _ when info.IsTransient => ProviderErrorKind.Unknown,
        _ => ProviderErrorKind.InvalidRequest,
    };

    private static ProviderException WithTransient(ProviderException e, bool transient) =>
        e.IsTransient == transient
            ? e
            : new ProviderException(e.Provider, e.Kind, e.Code, e.Message, e.InnerException)
            {
                Account = e.Account,
                HttpStatus = e.HttpStatus,
                DeclineCode = e.DeclineCode,
                IsTransient = transient,
            };

    /// <summary>The path for logs: no query (references), and no email address (customers are fetched by email).</summary>
    private static string Redact(string path) =>
        string.Join('/', PathOnly(path).Split('/').Select(segment => segment.Contains('@', StringComparison.Ordinal) || segment.Contains("%40", StringComparison.OrdinalIgnoreCase) ? "{email}" : segment));

    private static string PathOnly(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Provider} {Method} {Path} for account {Account} answered {Status}.")]
    private static partial void LogResponse(ILogger logger, string provider, string method, string path, string account, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} {Method} {Path} for account {Account} failed to connect ({Error}).")]
    private static partial void LogNetworkFailure(ILogger logger, string provider, string method, string path, string account, HttpRequestError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} {Method} {Path} for account {Account} timed out.")]
    private static partial void LogTimeout(ILogger logger, string provider, string method, string path, string account);
}
