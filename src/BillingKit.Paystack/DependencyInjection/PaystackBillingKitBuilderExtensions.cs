using BillingKit;
using BillingKit.Paystack;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Paystack accounts as payment providers.</summary>
public static class PaystackBillingKitBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each account: <c>BillingKit.Paystack.{account}</c>.</summary>
    internal const string HttpClientNamePrefix = "BillingKit.Paystack.";

    /// <summary>Registers the Paystack account "default". See <see cref="AddPaystack(IBillingKitBuilder, string, Action{PaystackOptions})"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the account's options; the secret key at least.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddPaystack(this IBillingKitBuilder builder, Action<PaystackOptions>? configure = null) =>
        builder.AddPaystack(PaymentProviderRegistration.DefaultAccount, configure ?? (_ => { }));

    /// <summary>
    /// Registers one Paystack account: its named <see cref="PaystackOptions"/> (validated at start-up: key format,
    /// live key only in <see cref="PaystackOptions.LiveMode"/>, currencies), an <see cref="IHttpClientFactory"/>
    /// client, and a <see cref="PaymentProviderRegistration"/> so that <see cref="IPaymentProviderRegistry"/> returns
    /// its <see cref="PaystackPaymentProvider"/> and webhook parser (<c>x-paystack-signature</c>). The HTTP client is
    /// named <c>BillingKit.Paystack.{account}</c>; configure it further (handlers, proxies) with
    /// <c>services.AddHttpClient(name)</c>. Call it once per account;
    /// calling it again for the same account adds configuration and nothing else.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="account">The account name, such as "default" or "ghana".</param>
    /// <param name="configure">Sets the account's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is not a valid account name.</exception>
    public static IBillingKitBuilder AddPaystack(this IBillingKitBuilder builder, string account, Action<PaystackOptions> configure)
        => ProviderRegistrations.AddAccount<PaystackOptions, PaystackOptionsValidator, PaystackPaymentProvider>(
            builder,
            ProviderName.Paystack,
            HttpClientNamePrefix,
            account,
            configure,
            options => (options.BaseAddress, options.RequestTimeout),
            (sp, http, options, logger) => new PaystackPaymentProvider(http, options, account, sp.GetRequiredService<IClock>(), logger),
            (sp, options) => new PaystackWebhookParser(options, account, sp.GetRequiredService<IClock>()));
}
