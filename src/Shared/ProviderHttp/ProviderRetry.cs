using System.Net;
using Polly;
using Polly.Retry;

namespace BillingKit.Providers.Http;

/// <summary>The retry schedule every adapter uses: exponential backoff with jitter from the account's options.
/// What to retry is the caller's decision (<see cref="RetryStrategyOptions{TResult}.ShouldHandle"/>).</summary>
internal static class ProviderRetry
{
    public static RetryStrategyOptions<TResult> Backoff<TResult>(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay) => new()
    {
        MaxRetryAttempts = maxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = baseDelay,
        MaxDelay = maxDelay,
    };

    /// <summary>A pipeline that retries an <see cref="AttemptFailedException"/> whose attempt may be resent, and
    /// nothing else; an empty pipeline when <paramref name="maxRetries"/> is 0.</summary>
    public static ResiliencePipeline<TResult> ForAttempts<TResult>(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        if (maxRetries == 0)
        {
            return ResiliencePipeline<TResult>.Empty;
        }

        var options = Backoff<TResult>(maxRetries, baseDelay, maxDelay);
        options.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is AttemptFailedException { MayRetry: true });
        return new ResiliencePipelineBuilder<TResult>().AddRetry(options).Build();
    }

    /// <summary>429 and 5xx: the provider is busy or broken rather than refusing the request itself.</summary>
    public static bool IsTransientStatus(HttpStatusCode? status) =>
        status is HttpStatusCode.TooManyRequests || (status is { } s && (int)s >= 500);
}
