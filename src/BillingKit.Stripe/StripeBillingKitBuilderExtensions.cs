using BillingKit;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using BillingKit.Stripe;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Stripe accounts as BillingKit payment providers.</summary>
public static class StripeBillingKitBuilderExtensions
{
    /// <summary>Registers the "default" Stripe account.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the account's options (secret key, webhook secrets, ...).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>The options are validated when the host starts; a missing or malformed key, a live key in a test
    /// environment or a malformed webhook secret stops start-up with a message naming the account.</remarks>
    public static IBillingKitBuilder AddStripe(this IBillingKitBuilder builder, Action<StripeOptions>? configure = null) =>
        builder.AddStripe(PaymentProviderRegistration.DefaultAccount, configure);

    /// <summary>Registers a named Stripe account; call once per account. Get it with
    /// <c>registry.GetProvider(ProviderName.Stripe, account)</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="account">The account name, such as "eu"; 1 to 64 letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Sets the account's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is not a valid account name.</exception>
    public static IBillingKitBuilder AddStripe(this IBillingKitBuilder builder, string account, Action<StripeOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PaymentProviderRegistration.RequireAccountName(account);
        builder.AddPaymentProviders();
        var services = builder.Services;
        var optionsBuilder = services.AddOptions<StripeOptions>(account);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>());
        var clientName = HttpClientName(account);
        services.AddHttpClient(clientName, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<StripeOptions>>().Get(account).BaseAddress;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });

        if (!ProviderRegistrations.IsRegistered(services, ProviderName.Stripe, account))
        {
            services.AddSingleton(new PaymentProviderRegistration(
                ProviderName.Stripe,
                account,
                sp =>
                {
                    var factory = sp.GetRequiredService<IHttpClientFactory>();
                    return new StripePaymentProvider(
                        account,
                        sp.GetRequiredService<IOptionsMonitor<StripeOptions>>().Get(account),
                        () => factory.CreateClient(clientName),
                        sp.GetRequiredService<IClock>(),
                        sp.GetService<ILoggerFactory>()?.CreateLogger("BillingKit.Stripe"));
                },
                sp => new StripeWebhookParser(
                    account,
                    sp.GetRequiredService<IOptionsMonitor<StripeOptions>>().Get(account),
                    sp.GetRequiredService<IClock>())));
        }

        return builder;
    }

    internal static string HttpClientName(string account) => "BillingKit.Stripe." + account;
}
