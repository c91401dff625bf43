namespace BillingKit.Providers;

/// <summary>
/// Tells the <see cref="IPaymentProviderRegistry"/> how to create the provider (and webhook parser) of one account.
/// Adapters add one per account as a singleton service; the first registration of a provider and account wins.
/// </summary>
public sealed class PaymentProviderRegistration
{
    /// <summary>The account name used when the host configures a single account: "default".</summary>
    public const string DefaultAccount = "default";

    /// <summary>Creates the registration.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The account name: 1 to 64 letters, digits, '-', '_' or '.'; compared ordinally.</param>
    /// <param name="providerFactory">Creates the provider from the service provider, once.</param>
    /// <param name="webhookParserFactory">Creates the webhook parser, once; <see langword="null"/> when the provider
    /// sends no webhooks.</param>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is default or <paramref name="account"/> is not a
    /// valid account name.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="providerFactory"/> is null.</exception>
    public PaymentProviderRegistration(
        ProviderName provider,
        string account,
        Func<IServiceProvider, IPaymentProvider> providerFactory,
        Func<IServiceProvider, IWebhookParser>? webhookParserFactory = null)
    {
        if (provider.Value.Length == 0)
        {
            throw new ArgumentException("Expected a provider name such as ProviderName.Stripe; got the default (empty) value.", nameof(provider));
        }

        RequireAccountName(account);
        ArgumentNullException.ThrowIfNull(providerFactory);
        Provider = provider;
        Account = account;
        ProviderFactory = providerFactory;
        WebhookParserFactory = webhookParserFactory;
    }

    /// <summary>Gets the provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the account name.</summary>
    public string Account { get; }

    /// <summary>Gets the factory of the provider.</summary>
    public Func<IServiceProvider, IPaymentProvider> ProviderFactory { get; }

    /// <summary>Gets the factory of the webhook parser, if the provider sends webhooks.</summary>
    public Func<IServiceProvider, IWebhookParser>? WebhookParserFactory { get; }

    /// <summary>Checks an account name.</summary>
    /// <param name="account">The name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is empty, longer than 64 characters, or has
    /// characters other than letters, digits, '-', '_' and '.'.</exception>
    public static void RequireAccountName(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!IsValidAccountName(account))
        {
            throw new ArgumentException($"'{account}' is not an account name; expected 1 to 64 letters, digits, '-', '_' or '.', such as 'default' or 'eu'.", nameof(account));
        }
    }

    /// <summary>Tells whether text is a valid account name.</summary>
    /// <param name="account">The text.</param>
    /// <returns><see langword="true"/> when it is 1 to 64 letters, digits, '-', '_' or '.'.</returns>
    public static bool IsValidAccountName(string? account)
    {
        if (string.IsNullOrEmpty(account) || account.Length > 64)
        {
            return false;
        }

        foreach (var c in account)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
