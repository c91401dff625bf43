using BillingKit.Providers.Http;
using Microsoft.Extensions.Options;

namespace BillingKit.Flutterwave;

/// <summary>Validates <see cref="FlutterwaveOptions"/> at start-up. Messages never include a secret.</summary>
internal sealed class FlutterwaveOptionsValidator : IValidateOptions<FlutterwaveOptions>
{
    private const string TestPrefix = "FLWSECK_TEST-";
    private const string LivePrefix = "FLWSECK-";

    public ValidateOptionsResult Validate(string? name, FlutterwaveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var account = string.IsNullOrEmpty(name) ? "default" : name;
        var builder = new ValidateOptionsResultBuilder();
        var key = options.SecretKey ?? string.Empty;
        var test = key.StartsWith(TestPrefix, StringComparison.Ordinal);
        var live = !test && key.StartsWith(LivePrefix, StringComparison.Ordinal);
        if (key.Length == 0)
        {
            builder.AddError($"Flutterwave account '{account}' has no SecretKey; set it to the account's FLWSECK_TEST-... or FLWSECK-... key.", nameof(FlutterwaveOptions.SecretKey));
        }
        else if ((!live && !test) || key.Length <= TestPrefix.Length || key.Any(char.IsWhiteSpace))
        {
            builder.AddError($"Flutterwave account '{account}' has a SecretKey that is not a Flutterwave secret key; expected FLWSECK_TEST-... or FLWSECK-... without spaces (a FLWPUBK public key does not work here).", nameof(FlutterwaveOptions.SecretKey));
        }
        else if (live && !options.LiveMode)
        {
            builder.AddError($"Flutterwave account '{account}' has a live secret key (FLWSECK-) but LiveMode is false: a test environment must not move real money. Use a FLWSECK_TEST- key, or set LiveMode in production.", nameof(FlutterwaveOptions.SecretKey));
        }
        else if (test && options.LiveMode)
        {
            builder.AddError($"Flutterwave account '{account}' has LiveMode set but a test secret key (FLWSECK_TEST-); use the live FLWSECK- key in production.", nameof(FlutterwaveOptions.SecretKey));
        }

        if (options.WebhookSecretHashes.Any(string.IsNullOrWhiteSpace))
        {
            builder.AddError($"Flutterwave account '{account}' has an empty WebhookSecretHashes entry; copy the secret hash from the dashboard (Settings, Webhooks).", nameof(FlutterwaveOptions.WebhookSecretHashes));
        }

        if (options.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
        {
            builder.AddError($"Flutterwave account '{account}' has Country '{options.Country}'; expected the merchant's two-letter ISO country code in upper case, such as NG or KE.", nameof(FlutterwaveOptions.Country));
        }

        ValidateSettings(options, account, builder);
        return builder.Build();
    }

    private static void ValidateSettings(FlutterwaveOptions options, string account, ValidateOptionsResultBuilder builder)
    {
        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || (!string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) && !(string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && address.IsLoopback)))
        {
            builder.AddError($"Flutterwave account '{account}' has BaseAddress '{options.BaseAddress}'; expected an absolute https:// address (http:// only on a loopback host, for tests).", nameof(FlutterwaveOptions.BaseAddress));
        }

        if (options.Currencies.Count == 0)
        {
            builder.AddError($"Flutterwave account '{account}' has no Currencies; list those it settles among {string.Join(", ", FlutterwaveCurrencies.All)}.", nameof(FlutterwaveOptions.Currencies));
        }

        foreach (var code in options.Currencies.Where(code => !FlutterwaveCurrencies.All.Contains(code, StringComparer.OrdinalIgnoreCase)))
        {
            builder.AddError($"Flutterwave account '{account}' lists currency '{code}', which Flutterwave does not collect in; expected some of {string.Join(", ", FlutterwaveCurrencies.All)}.", nameof(FlutterwaveOptions.Currencies));
        }

        ProviderOptionsChecks.RetriesAndTimeout(builder, "Flutterwave", account, options.HttpSettings(), options.RequestTimeout);
    }
}
