using BillingKit;
using BillingKit.Paystack;
using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        PaymentProviderRegistration.RequireAccountName(account);
        var services = builder.Services;
        builder.AddPaymentProviders();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaystackOptions>, PaystackOptionsValidator>());
        services.AddOptions<PaystackOptions>(account).Configure(configure).ValidateOnStart();
        var clientName = HttpClientNamePrefix + account;
        var alreadyRegistered = services.Any(d => d.ServiceType == typeof(PaymentProviderRegistration)
            && d.ImplementationInstance is PaymentProviderRegistration r && r.Provider == ProviderName.Paystack && string.Equals(r.Account, account, StringComparison.Ordinal));
        if (alreadyRegistered)
        {
            return builder;
        }

        services.AddHttpClient(clientName).ConfigureHttpClient((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<PaystackOptions>>().Get(account);
            client.BaseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
            client.Timeout = options.RequestTimeout;
        })
        .RemoveAllLoggers(); // the factory's loggers write full URIs (customer emails, references); the adapter logs its own redacted lines
        services.AddSingleton(new PaymentProviderRegistration(
            ProviderName.Paystack,
            account,
            sp => new PaystackPaymentProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
                sp.GetRequiredService<IOptionsMonitor<PaystackOptions>>().Get(account),
                account,
                sp.GetRequiredService<IClock>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(PaystackPaymentProvider).FullName!) ?? NullLogger.Instance),
            sp => new PaystackWebhookParser(
                sp.GetRequiredService<IOptionsMonitor<PaystackOptions>>().Get(account),
                account,
                sp.GetRequiredService<IClock>())));
        return builder;
    }
}
