namespace BillingKit.Providers.Http;

/// <summary>The parts of an account's options the HTTP plumbing needs: the secret key and the retry schedule.</summary>
internal sealed record ProviderHttpSettings(string SecretKey, int MaxRetries, TimeSpan RetryBaseDelay, TimeSpan MaxRetryDelay);
