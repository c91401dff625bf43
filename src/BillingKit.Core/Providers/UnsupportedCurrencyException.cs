namespace BillingKit.Providers;

/// <summary>A provider was asked to move money in a currency it (or its configured account) does not support.
/// Thrown before any request.</summary>
public sealed class UnsupportedCurrencyException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The account.</param>
    /// <param name="currency">The currency it does not support.</param>
    public UnsupportedCurrencyException(ProviderName provider, string account, Currency currency)
        : base($"The {provider} account '{account}' does not support {currency.Code}; use a provider or account that settles {currency.Code}, or bill in a supported currency.")
    {
        Provider = provider;
        Account = account;
        Currency = currency;
    }

    /// <summary>Gets the provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the account.</summary>
    public string Account { get; }

    /// <summary>Gets the currency it does not support.</summary>
    public Currency Currency { get; }
}
