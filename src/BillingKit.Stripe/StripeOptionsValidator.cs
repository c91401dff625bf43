using BillingKit.Providers;
using Microsoft.Extensions.Options;

namespace BillingKit.Stripe;

/// <summary>Checks every named <see cref="StripeOptions"/> at start-up. Messages never contain the secrets.</summary>
internal sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = string.IsNullOrEmpty(name) ? PaymentProviderRegistration.DefaultAccount : name;
        var failures = new List<string>();
        var key = options.SecretKey ?? string.Empty;
        var isTestKey = key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal);
        var isLiveKey = key.StartsWith("sk_live_", StringComparison.Ordinal) || key.StartsWith("rk_live_", StringComparison.Ordinal);
        if (key.Length == 0)
        {
            failures.Add($"Stripe account '{account}': SecretKey is missing; set it to the account's secret key (sk_test_..., sk_live_..., or a restricted rk_... key).");
        }
        else if ((!isTestKey && !isLiveKey) || key.Length < 16 || key.Any(char.IsWhiteSpace))
        {
            failures.Add($"Stripe account '{account}': SecretKey ({StripeOptions.Redact(key)}) is not a Stripe secret key; expected sk_test_..., sk_live_..., rk_test_... or rk_live_... without spaces. A publishable key (pk_...) cannot be used on the server.");
        }
        else if (isLiveKey && !options.LiveMode)
        {
            failures.Add($"Stripe account '{account}': a live key ({StripeOptions.Redact(key)}) is configured in a test environment; use a sk_test_ key here, or set LiveMode = true in production.");
        }
        else if (isTestKey && options.LiveMode)
        {
            failures.Add($"Stripe account '{account}': a test key ({StripeOptions.Redact(key)}) is configured with LiveMode = true; use the live key in production.");
        }

        for (var i = 0; i < options.WebhookSecrets.Count; i++)
        {
            var secret = options.WebhookSecrets[i];
            if (string.IsNullOrEmpty(secret) || !secret.StartsWith("whsec_", StringComparison.Ordinal) || secret.Length < 10 || secret.Any(char.IsWhiteSpace))
            {
                failures.Add($"Stripe account '{account}': WebhookSecrets[{i}] ({StripeOptions.Redact(secret)}) is not a webhook signing secret; expected whsec_... from the endpoint's settings.");
            }
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || !(string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) || (string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && address.IsLoopback)))
        {
            failures.Add($"Stripe account '{account}': BaseAddress must be an absolute https address such as https://api.stripe.com/ (http only on a loopback host).");
        }

        Range(failures, account, nameof(options.WebhookTolerance), options.WebhookTolerance, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, account, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Range(failures, account, nameof(options.MaxRetryDelay), options.MaxRetryDelay, options.RetryBaseDelay, TimeSpan.FromMinutes(5));
        Range(failures, account, nameof(options.RequestTimeout), options.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"Stripe account '{account}': MaxRetries is {options.MaxRetries}; expected 0 to 10.");
        }

        foreach (var code in options.Currencies)
        {
            if (!Currency.TryFromCode(code, out var currency) || !StripeCurrencies.IsSupportedByStripe(currency))
            {
                failures.Add($"Stripe account '{account}': Currencies has '{code}', which Stripe does not support; expected ISO 4217 codes Stripe settles, such as USD or EUR.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string account, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Stripe account '{account}': {name} is {value}; expected {min} to {max}.");
        }
    }
}
