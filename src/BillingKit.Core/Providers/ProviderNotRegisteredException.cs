namespace BillingKit.Providers;

/// <summary>No provider (or webhook parser) is registered for a provider name and account.</summary>
public sealed class ProviderNotRegisteredException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider asked for.</param>
    /// <param name="account">The account asked for.</param>
    /// <param name="registered">What is registered, as "provider/account" text, for the message.</param>
    public ProviderNotRegisteredException(ProviderName provider, string account, IEnumerable<string> registered)
        : base($"No payment provider '{provider}' with account '{account}' is registered; registered: {Describe(registered)}. Register it with builder.Add{Capitalize(provider.Value)}(...).")
    {
        Provider = provider;
        Account = account;
    }

    /// <summary>Gets the provider asked for.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the account asked for.</summary>
    public string Account { get; }

    private static string Describe(IEnumerable<string> registered)
    {
        var text = string.Join(", ", registered ?? []);
        return text.Length == 0 ? "none" : text;
    }

    private static string Capitalize(string value) =>
        value.Length == 0 ? "Provider" : char.ToUpperInvariant(value[0]) + value[1..];
}
