using System.Net;
using System.Text.Json;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace BillingKit.Stripe;

/// <summary>Sends <see cref="StripeRequest"/>s with the account's key (on a client from <c>IHttpClientFactory</c> per
/// attempt, so handler rotation applies), retries transient failures with exponential
/// backoff and jitter (honouring <c>Stripe-Should-Retry</c>), and maps every error onto <see cref="ProviderException"/>.</summary>
internal sealed class StripeApiClient
{
    private readonly Func<HttpClient> _http;
    private readonly StripeOptions _options;
    private readonly string _account;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    private static readonly Action<ILogger, string, string?, int, TimeSpan, string, Exception?> LogRetry = LoggerMessage.Define<string, string?, int, TimeSpan, string>(
        LogLevel.Warning,
        new EventId(1, "StripeRetry"),
        "Stripe account '{Account}': {Operation} failed ({Outcome}); attempt {Attempt} in {Delay}.");

    public StripeApiClient(Func<HttpClient> http, StripeOptions options, string account, ILogger logger)
    {
        _http = http;
        _options = options;
        _account = account;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            var retry = ProviderRetry.Backoff<HttpResponseMessage>(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay);
            retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken));
            retry.OnRetry = args =>
            {
                // Method, path and status only: never the key, the body or the query (which may hold an email).
                var outcome = args.Outcome.Exception is { } ex ? ex.GetType().Name : ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                LogRetry(logger, account, args.Context.OperationKey, args.AttemptNumber + 2, args.RetryDelay, outcome, null);
                return default;
            };
            builder.AddRetry(retry);
        }

        _pipeline = builder.Build();
    }

    public async Task<JsonDocument> SendAsync(StripeRequest request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        var context = ResilienceContextPool.Shared.Get(request.Method.Method + " " + request.Path, cancellationToken);
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
                    attempt.CancelAfter(state.Self._options.RequestTimeout);
                    using var message = state.Request.ToHttpRequest(state.Self._options.SecretKey);
                    return await state.Self._http().SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
                },
                context,
                (Self: this, Request: request)).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderException(ProviderName.Stripe, ProviderErrorKind.Network, "timeout", $"Stripe did not answer {request.Method} {request.Path} within {_options.RequestTimeout} (after retries); the outcome is unknown: keep the operation pending and reconcile it.", ex) { Account = _account };
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderException(ProviderName.Stripe, ProviderErrorKind.Network, "network_error", $"Could not reach Stripe for {request.Method} {request.Path} (after retries): {ex.Message} The outcome is unknown: keep the operation pending and reconcile it.", ex) { Account = _account };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonDocument.Parse(body);
                }
                catch (JsonException ex)
                {
                    throw new ProviderException(ProviderName.Stripe, ProviderErrorKind.InvalidResponse, "invalid_response", $"Stripe answered {request.Method} {request.Path} with {(int)response.StatusCode} but a body that is not JSON.", ex)
                    {
                        Account = _account,
                        HttpStatus = (int)response.StatusCode,
                        RequestId = Header(response, "Request-Id"),
                    };
                }
            }

            throw StripeErrors.Map(request, response, body, _account);
        }
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
        }

        var response = outcome.Result!;
        var shouldRetry = Header(response, "Stripe-Should-Retry");
        if (string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var status = (int)response.StatusCode;
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || status >= 500;
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
