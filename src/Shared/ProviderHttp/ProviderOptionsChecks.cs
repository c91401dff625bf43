using Microsoft.Extensions.Options;

namespace BillingKit.Providers.Http;

/// <summary>Start-up checks of the options the JSON adapters share: the retry schedule and the request timeout.</summary>
internal static class ProviderOptionsChecks
{
    public static void RetriesAndTimeout(ValidateOptionsResultBuilder builder, string provider, string account, ProviderHttpSettings settings, TimeSpan requestTimeout)
    {
        if (settings.MaxRetries is < 0 or > 10)
        {
            builder.AddError($"{provider} account '{account}' has MaxRetries {settings.MaxRetries}; expected 0 to 10.", "MaxRetries");
        }

        if (settings.RetryBaseDelay < TimeSpan.Zero || settings.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            builder.AddError($"{provider} account '{account}' has RetryBaseDelay {settings.RetryBaseDelay}; expected 0 to 1 minute.", "RetryBaseDelay");
        }

        if (settings.MaxRetryDelay < settings.RetryBaseDelay || settings.MaxRetryDelay > TimeSpan.FromMinutes(1))
        {
            builder.AddError($"{provider} account '{account}' has MaxRetryDelay {settings.MaxRetryDelay}; expected RetryBaseDelay ({settings.RetryBaseDelay}) to 1 minute.", "MaxRetryDelay");
        }

        if (requestTimeout < TimeSpan.FromSeconds(1) || requestTimeout > TimeSpan.FromMinutes(5))
        {
            builder.AddError($"{provider} account '{account}' has RequestTimeout {requestTimeout}; expected 1 second to 5 minutes.", "RequestTimeout");
        }
    }
}
