using BillingKit;
using BillingKit.Flutterwave;
using BillingKit.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        PaymentProviderRegistration.RequireAccountName(account);
        var services = builder.Services;
        builder.AddPaymentProviders();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlutterwaveOptions>, FlutterwaveOptionsValidator>());
        services.AddOptions<FlutterwaveOptions>(account).Configure(configure).ValidateOnStart();
        var clientName = HttpClientNamePrefix + account;
        var alreadyRegistered = services.Any(d => d.ServiceType == typeof(PaymentProviderRegistration)
            && d.ImplementationInstance is PaymentProviderRegistration r && r.Provider == ProviderName.Flutterwave && string.Equals(r.Account, account, StringComparison.Ordinal));
        if (alreadyRegistered)
        {
            return builder;
        }

        services.AddHttpClient(clientName).ConfigureHttpClient((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<FlutterwaveOptions>>().Get(account);
            client.BaseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
            client.Timeout = options.RequestTimeout;
        })
        .RemoveAllLoggers(); // the factory's loggers write full URIs (customer emails, references); the adapter logs its own redacted lines
        services.AddSingleton(new PaymentProviderRegistration(
            ProviderName.Flutterwave,
            account,
            sp => new FlutterwavePaymentProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
                sp.GetRequiredService<IOptionsMonitor<FlutterwaveOptions>>().Get(account),
                account,
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(FlutterwavePaymentProvider).FullName!) ?? NullLogger.Instance),
            sp => new FlutterwaveWebhookParser(
                sp.GetRequiredService<IOptionsMonitor<FlutterwaveOptions>>().Get(account),
                account,
                sp.GetRequiredService<IClock>())));
        return builder;
    }
}
