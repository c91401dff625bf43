namespace BillingKit.Providers.Http;

/// <summary>Carries one failed attempt through the retry pipeline: the error to raise when retries run out, and
/// whether this attempt may be retried at all (an operation the provider cannot deduplicate is retried only when
/// the failure proves the provider did not process it).</summary>
internal sealed class AttemptFailedException(ProviderException error, bool mayRetry) : Exception(error.Message, error)
{
    public ProviderException Error { get; } = error;

    public bool MayRetry { get; } = mayRetry;
}
