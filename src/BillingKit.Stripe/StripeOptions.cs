using System.Globalization;

namespace BillingKit.Stripe;

/// <summary>
/// Settings of one Stripe account. Register with <c>builder.AddStripe(o =&gt; ...)</c> (account "default") or
/// <c>builder.AddStripe("eu", o =&gt; ...)</c> for several accounts; validated at start-up.
/// </summary>
/// <remarks><see cref="ToString"/> redacts the secret key and webhook secrets, so the options are safe to log.</remarks>
public sealed class StripeOptions
{
    /// <summary>The Stripe API version every request pins with the <c>Stripe-Version</c> header, and the version of the
    /// OpenAPI spec the adapter is tested against.</summary>
    public const string ApiVersion = "2023-08-16";

    /// <summary>Gets or sets the secret API key: <c>sk_test_...</c>, <c>sk_live_...</c>, or a restricted key
    /// <c>rk_test_...</c>/<c>rk_live_...</c>.</summary>
    /// <value>Required; default empty.</value>
    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Gets the signing secrets (<c>whsec_...</c>) of the webhook endpoints that deliver to this account. Several
    /// are accepted at once, for secret rotation or several endpoints.</summary>
    /// <value>Default empty: webhooks are refused with <c>NoSecretConfigured</c>.</value>
    public IList<string> WebhookSecrets { get; } = [];

    /// <summary>Gets or sets a value indicating whether this is a live (production) environment. A live key is refused
    /// when <see langword="false"/>, and a test key when <see langword="true"/>.</summary>
    /// <value>Default <see langword="false"/> (test).</value>
    public bool LiveMode { get; set; }

    /// <summary>Gets or sets the API's base address. Change it only for tests or a proxy.</summary>
    /// <value>Default <c>https://api.stripe.com/</c>. Must be absolute and https, except on a loopback host.</value>
    public Uri BaseAddress { get; set; } = new("https://api.stripe.com/");

    /// <summary>Gets or sets how far a webhook's signed timestamp may be from the clock.</summary>
    /// <value>Default 300 seconds; 1 second to 1 hour.</value>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Gets or sets how many times a request is retried after a network error, a 429, a 409 or a 5xx (and
    /// never when Stripe answers <c>Stripe-Should-Retry: false</c>).</summary>
    /// <value>Default 3; 0 to 10.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the delay before the first retry; each later retry waits twice as long, with jitter.</summary>
    /// <value>Default 500 milliseconds; 0 to 1 minute.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the longest delay between retries.</summary>
    /// <value>Default 8 seconds; at least <see cref="RetryBaseDelay"/>, at most 5 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets or sets the timeout of one attempt. A timed-out attempt is retried; when all time out, the outcome is
    /// unknown and the payment must be reconciled.</summary>
    /// <value>Default 80 seconds; 1 second to 10 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(80);

    /// <summary>Gets the ISO 4217 codes this account may charge and refund in; empty means every currency Stripe
    /// supports. Other currencies throw <c>UnsupportedCurrencyException</c> before any request.</summary>
    /// <value>Default empty.</value>
    public ISet<string> Currencies { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Describes the options with the secrets redacted.</summary>
    /// <returns>Text such as <c>StripeOptions { SecretKey = sk_test_***, WebhookSecrets = 2 x whsec_***, ... }</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"StripeOptions {{ SecretKey = {Redact(SecretKey)}, WebhookSecrets = {WebhookSecrets.Count} x whsec_***, LiveMode = {LiveMode}, BaseAddress = {BaseAddress}, MaxRetries = {MaxRetries} }}");

    internal static string Redact(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(none)";
        }

        foreach (var prefix in (ReadOnlySpan<string>)["sk_test_", "sk_live_", "rk_test_", "rk_live_", "whsec_"])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix + "***";
            }
        }

        return "***";
    }
}
