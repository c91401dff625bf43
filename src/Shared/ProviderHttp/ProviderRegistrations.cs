using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Providers.Http;

/// <summary>The DI registration the adapters share: one named, validated options instance, one named
/// <see cref="HttpClient"/> and one <see cref="PaymentProviderRegistration"/> per account.</summary>
internal static class ProviderRegistrations
{
    /// <summary>Whether the account is already registered for the provider (a second call only adds configuration).</summary>
    public static bool IsRegistered(IServiceCollection services, ProviderName provider, string account) =>
        services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(PaymentProviderRegistration)
            && d.ImplementationInstance is PaymentProviderRegistration r && r.Provider == provider && string.Equals(r.Account, account, StringComparison.Ordinal));

    /// <summary>
    /// Registers one account of a JSON REST provider: its named <typeparamref name="TOptions"/> validated at start-up by
    /// <typeparamref name="TValidator"/>, the client <c>{clientNamePrefix}{account}</c> (base address with a trailing
    /// slash, the options' timeout, no factory loggers: they write full URIs with emails and references; the adapter
    /// logs its own redacted lines), and the provider and webhook parser made from them.
    /// </summary>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <typeparam name="TValidator">Validates the options.</typeparam>
    /// <typeparam name="TProvider">The adapter's provider; its full name is the log category.</typeparam>
    public static IBillingKitBuilder AddAccount<TOptions, TValidator, TProvider>(
        IBillingKitBuilder builder,
        ProviderName provider,
        string clientNamePrefix,
        string account,
        Action<TOptions> configure,
        Func<TOptions, (Uri BaseAddress, TimeSpan Timeout)> client,
        Func<IServiceProvider, HttpClient, TOptions, ILogger, TProvider> createProvider,
        Func<IServiceProvider, TOptions, IWebhookParser> createParser)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TProvider : IPaymentProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        PaymentProviderRegistration.RequireAccountName(account);
        var services = builder.Services;
        builder.AddPaymentProviders();
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddOptions<TOptions>(account).Configure(configure).ValidateOnStart();
        var clientName = clientNamePrefix + account;
        if (IsRegistered(services, provider, account))
        {
            return builder;
        }

        services.AddHttpClient(clientName).ConfigureHttpClient((sp, http) =>
        {
            var (baseAddress, timeout) = client(Options(sp));
            http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
            http.Timeout = timeout;
        })
        .RemoveAllLoggers();
        services.AddSingleton(new PaymentProviderRegistration(
            provider,
            account,
            sp => createProvider(
                sp,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
                Options(sp),
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(TProvider).FullName!) ?? NullLogger.Instance),
            sp => createParser(sp, Options(sp))));
        return builder;

        TOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(account);
    }
}
