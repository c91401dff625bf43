using BillingKit.Providers.Http;

namespace BillingKit.Flutterwave;

/// <summary>Settings of one Flutterwave account. Register with <c>builder.AddFlutterwave(o => ...)</c>, or
/// <c>builder.AddFlutterwave("kenya", o => ...)</c> for each of several accounts.</summary>
/// <remarks>Validated at start-up. Secrets are never logged, and <see cref="ToString"/> hides them.</remarks>
public sealed class FlutterwaveOptions
{
    /// <summary>Gets or sets the secret key, <c>FLWSECK_TEST-...</c> or <c>FLWSECK-...</c> (live).</summary>
    /// <value>Required; no default.</value>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Gets the "secret hash" values set in the dashboard (Settings, Webhooks). They verify webhooks: the
    /// legacy <c>verif-hash</c> header carries one, and the newer <c>flutterwave-signature</c> header is an
    /// HMAC-SHA256 keyed with one. Several are accepted at once, for rotation.</summary>
    /// <value>Empty by default; webhooks are refused until one is set.</value>
    public IList<string> WebhookSecretHashes { get; } = [];

    /// <summary>Gets or sets a value indicating whether the legacy <c>verif-hash</c> scheme is accepted. It proves the
    /// sender knows the secret hash but does not cover the body; turn it off once the account sends
    /// <c>flutterwave-signature</c>.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool AcceptLegacyVerifHash { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether this is a live (production) account. A live key is refused
    /// unless this is set, and a test key when it is.</summary>
    /// <value>Default <see langword="false"/> (test mode).</value>
    public bool LiveMode { get; set; }

    /// <summary>Gets or sets the API's base address; tests point it at a stub.</summary>
    /// <value>Default <c>https://api.flutterwave.com/v3/</c>. Must be absolute and HTTPS, except on a loopback host.</value>
    public Uri BaseAddress { get; set; } = new("https://api.flutterwave.com/v3/");

    /// <summary>Gets or sets the merchant's ISO 3166 country code, which Flutterwave requires on tokenized charges.</summary>
    /// <value>Default "NG".</value>
    public string Country { get; set; } = "NG";

    /// <summary>Gets the currencies this account settles; requests in others throw
    /// <see cref="Providers.UnsupportedCurrencyException"/> before any call. When it holds exactly one currency,
    /// webhooks that name none (chargebacks) are read in it.</summary>
    /// <value>Default every currency Flutterwave collects in (EGP, EUR, GBP, GHS, KES, MWK, NGN, RWF, TZS, UGX, USD,
    /// XAF, XOF, ZAR, ZMW); narrow it to the account's.</value>
    public ISet<string> Currencies { get; } = new SortedSet<string>(FlutterwaveCurrencies.All, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how many times a failed call is retried (429, 5xx and network errors on reads; only 429
    /// and connections that never opened on writes, which Flutterwave does not deduplicate).</summary>
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

    /// <summary>Describes the settings without the secrets.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"Flutterwave {(LiveMode ? "live" : "test")} account at {BaseAddress}, key {(SecretKey.Length > 13 ? SecretKey[..13] + "***" : "***")}, {WebhookSecretHashes.Count} webhook secret hash(es)");

    /// <summary>The key and retry schedule, as the shared HTTP plumbing takes them.</summary>
    internal ProviderHttpSettings HttpSettings() => new(SecretKey, MaxRetries, RetryBaseDelay, MaxRetryDelay);
}
