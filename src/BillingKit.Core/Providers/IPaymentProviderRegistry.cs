using System.Diagnostics.CodeAnalysis;

namespace BillingKit.Providers;

/// <summary>Finds the <see cref="IPaymentProvider"/> and <see cref="IWebhookParser"/> registered for a provider and
/// account. Registered by <c>builder.AddPaymentProviders()</c>, which every adapter calls. Thread-safe.</summary>
public interface IPaymentProviderRegistry
{
    /// <summary>Gets the registered providers and accounts, in registration order.</summary>
    IReadOnlyList<PaymentProviderRegistration> Registrations { get; }

    /// <summary>Gets the provider of an account.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The account; <see langword="null"/> for <see cref="PaymentProviderRegistration.DefaultAccount"/>.</param>
    /// <returns>The provider, created once.</returns>
    /// <exception cref="ProviderNotRegisteredException">Nothing is registered for the provider and account.</exception>
    IPaymentProvider GetProvider(ProviderName provider, string? account = null);

    /// <summary>Tries to get the provider of an account.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The account; <see langword="null"/> for <see cref="PaymentProviderRegistration.DefaultAccount"/>.</param>
    /// <param name="paymentProvider">The provider when registered.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    bool TryGetProvider(ProviderName provider, string? account, [NotNullWhen(true)] out IPaymentProvider? paymentProvider);

    /// <summary>Gets the webhook parser of an account.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The account; <see langword="null"/> for <see cref="PaymentProviderRegistration.DefaultAccount"/>.</param>
    /// <returns>The parser, created once.</returns>
    /// <exception cref="ProviderNotRegisteredException">Nothing is registered for the provider and account, or the
    /// provider sends no webhooks (the offline provider).</exception>
    IWebhookParser GetWebhookParser(ProviderName provider, string? account = null);
}
