using BillingKit.Providers.Http;

namespace BillingKit.Paystack;

/// <summary>Settings of one Paystack account. Register with <c>builder.AddPaystack(o => ...)</c>, or
/// <c>builder.AddPaystack("ghana", o => ...)</c> for each of several accounts.</summary>
/// <remarks>Validated at start-up. The secret key is never logged, and <see cref="ToString"/> hides it.</remarks>
public sealed class PaystackOptions
{
    /// <summary>Gets or sets the secret key, <c>sk_test_...</c> or <c>sk_live_...</c>. It authenticates API calls
    /// and signs webhooks (<c>x-paystack-signature</c>).</summary>
    /// <value>Required; no default.</value>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Gets secret keys being rotated out, still accepted for webhook signatures (never used for calls).</summary>
    /// <value>Empty by default.</value>
    public IList<string> PreviousSecretKeys { get; } = [];

    /// <summary>Gets or sets a value indicating whether this is a live (production) account. A live key
    /// (<c>sk_live_</c>) is refused unless this is set, and a test key is refused when it is, so a test environment
    /// can never move real money.</summary>
    /// <value>Default <see langword="false"/> (test mode).</value>
    public bool LiveMode { get; set; }

    /// <summary>Gets or sets the API's base address; tests point it at a stub.</summary>
    /// <value>Default <c>https://api.paystack.co/</c>. Must be absolute and HTTPS, except on a loopback host.</value>
    public Uri BaseAddress { get; set; } = new("https://api.paystack.co/");

    /// <summary>Gets the currencies this account settles; requests in others throw
    /// <see cref="Providers.UnsupportedCurrencyException"/> before any call.</summary>
    /// <value>Default GHS, KES, NGN, USD and ZAR (every currency Paystack supports); narrow it to the account's.</value>
    public ISet<string> Currencies { get; } = new SortedSet<string>(PaystackCurrencies.All, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how many times a failed call is retried (429, 5xx, network errors).</summary>
    /// <value>Default 3; 0 to 10.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the base delay of the exponential backoff (with jitter) between retries.</summary>
    /// <value>Default 1 second; 0 to 1 minute.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest delay between retries.</summary>
    /// <value>Default 8 seconds; at least <see cref="RetryBaseDelay"/>, at most 1 minute.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets or sets how long one call may take before it is abandoned (its outcome is then unknown).</summary>
    /// <value>Default 30 seconds; 1 second to 5 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Describes the settings without the secret key.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"Paystack {(LiveMode ? "live" : "test")} account at {BaseAddress}, key {(SecretKey.Length > 8 ? SecretKey[..8] + "***" : "***")}");

    /// <summary>The key and retry schedule, as the shared HTTP plumbing takes them.</summary>
    internal ProviderHttpSettings HttpSettings() => new(SecretKey, MaxRetries, RetryBaseDelay, MaxRetryDelay);
}
