using BillingKit;
using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the payment-provider registry and the built-in offline provider.</summary>
public static class PaymentProvidersBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IPaymentProviderRegistry"/> and the <see cref="OfflinePaymentProvider"/> (account
    /// "default"). Provider adapters call it for you; calling it again is harmless. The builder comes from
    /// <c>AddBillingKitCore()</c>, which registers the <see cref="IClock"/> the offline provider uses.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddPaymentProviders(this IBillingKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IPaymentProviderRegistry, PaymentProviderRegistry>();
        var hasOffline = services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(PaymentProviderRegistration)
            && d.ImplementationInstance is PaymentProviderRegistration { Provider: var p } && p == ProviderName.Offline);
        if (!hasOffline)
        {
            services.AddSingleton(new PaymentProviderRegistration(
                ProviderName.Offline,
                PaymentProviderRegistration.DefaultAccount,
                sp => new OfflinePaymentProvider(sp.GetRequiredService<IClock>())));
        }

        return builder;
    }
}
