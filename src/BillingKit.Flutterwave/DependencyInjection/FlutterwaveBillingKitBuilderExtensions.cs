using BillingKit;
using BillingKit.Flutterwave;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Flutterwave accounts as payment providers.</summary>
public static class FlutterwaveBillingKitBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each account: <c>BillingKit.Flutterwave.{account}</c>.</summary>
    internal const string HttpClientNamePrefix = "BillingKit.Flutterwave.";

    /// <summary>Registers the Flutterwave account "default". See <see cref="AddFlutterwave(IBillingKitBuilder, string, Action{FlutterwaveOptions})"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the account's options; the secret key at least.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddFlutterwave(this IBillingKitBuilder builder, Action<FlutterwaveOptions>? configure = null) =>
        builder.AddFlutterwave(PaymentProviderRegistration.DefaultAccount, configure ?? (_ => { }));

    /// <summary>
    /// Registers one Flutterwave account: its named <see cref="FlutterwaveOptions"/> (validated at start-up: key format,
    /// live key only in <see cref="FlutterwaveOptions.LiveMode"/>, currencies), an <see cref="IHttpClientFactory"/>
    /// client, and a <see cref="PaymentProviderRegistration"/> so that <see cref="IPaymentProviderRegistry"/> returns
    /// its <see cref="FlutterwavePaymentProvider"/> and webhook parser (<c>flutterwave-signature</c> and <c>verif-hash</c>). The HTTP client is
    /// named <c>BillingKit.Flutterwave.{account}</c>; configure it further (handlers, proxies) with
    /// <c>services.AddHttpClient(name)</c>. Call it once per account;
    /// calling it again for the same account adds configuration and nothing else.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="account">The account name, such as "default" or "kenya".</param>
    /// <param name="configure">Sets the account's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is not a valid account name.</exception>
    public static IBillingKitBuilder AddFlutterwave(this IBillingKitBuilder builder, string account, Action<FlutterwaveOptions> configure)
        => ProviderRegistrations.AddAccount<FlutterwaveOptions, FlutterwaveOptionsValidator, FlutterwavePaymentProvider>(
            builder,
            ProviderName.Flutterwave,
            HttpClientNamePrefix,
            account,
            configure,
            options => (options.BaseAddress, options.RequestTimeout),
            (sp, http, options, logger) => new FlutterwavePaymentProvider(http, options, account, sp.GetRequiredService<IClock>(), logger),
            (sp, options) => new FlutterwaveWebhookParser(options, account, sp.GetRequiredService<IClock>()));
}
