using BillingKit.Providers.Http;
using Microsoft.Extensions.Options;

namespace BillingKit.Paystack;

/// <summary>Validates <see cref="PaystackOptions"/> at start-up. Messages never include the secret key.</summary>
internal sealed class PaystackOptionsValidator : IValidateOptions<PaystackOptions>
{
    public ValidateOptionsResult Validate(string? name, PaystackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = string.IsNullOrEmpty(name) ? "default" : name;
        var builder = new ValidateOptionsResultBuilder();
        var key = options.SecretKey ?? string.Empty;
        var live = key.StartsWith("sk_live_", StringComparison.Ordinal);
        var test = key.StartsWith("sk_test_", StringComparison.Ordinal);
        if (key.Length == 0)
        {
            builder.AddError($"Paystack account '{account}' has no SecretKey; set it to the account's sk_test_... or sk_live_... key.", nameof(PaystackOptions.SecretKey));
        }
        else if ((!live && !test) || key.Length <= 8 || key.Any(char.IsWhiteSpace))
        {
            builder.AddError($"Paystack account '{account}' has a SecretKey that is not a Paystack secret key; expected sk_test_... or sk_live_... without spaces (a pk_ public key does not work here).", nameof(PaystackOptions.SecretKey));
        }
        else if (live && !options.LiveMode)
        {
            builder.AddError($"Paystack account '{account}' has a live secret key (sk_live_) but LiveMode is false: a test environment must not move real money. Use an sk_test_ key, or set LiveMode in production.", nameof(PaystackOptions.SecretKey));
        }
        else if (test && options.LiveMode)
        {
            builder.AddError($"Paystack account '{account}' has LiveMode set but a test secret key (sk_test_); use the sk_live_ key in production.", nameof(PaystackOptions.SecretKey));
        }

        ValidateSettings(options, account, builder);
        return builder.Build();
    }

    private static void ValidateSettings(PaystackOptions options, string account, ValidateOptionsResultBuilder builder)
    {
        foreach (var previous in options.PreviousSecretKeys)
        {
            if (string.IsNullOrEmpty(previous) || !(previous.StartsWith("sk_live_", StringComparison.Ordinal) || previous.StartsWith("sk_test_", StringComparison.Ordinal)))
            {
                builder.AddError($"Paystack account '{account}' has a PreviousSecretKeys entry that is not a secret key; expected sk_test_... or sk_live_....", nameof(PaystackOptions.PreviousSecretKeys));
            }
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || (!string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) && !(string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && address.IsLoopback)))
        {
            builder.AddError($"Paystack account '{account}' has BaseAddress '{options.BaseAddress}'; expected an absolute https:// address (http:// only on a loopback host, for tests).", nameof(PaystackOptions.BaseAddress));
        }

        if (options.Currencies.Count == 0)
        {
            builder.AddError($"Paystack account '{account}' has no Currencies; list those it settles among {string.Join(", ", PaystackCurrencies.All)}.", nameof(PaystackOptions.Currencies));
        }

        foreach (var code in options.Currencies)
        {
            if (!PaystackCurrencies.All.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                builder.AddError($"Paystack account '{account}' lists currency '{code}', which Paystack does not support; expected some of {string.Join(", ", PaystackCurrencies.All)}.", nameof(PaystackOptions.Currencies));
            }
        }

        ProviderOptionsChecks.RetriesAndTimeout(builder, "Paystack", account, options.HttpSettings(), options.RequestTimeout);
    }
}
