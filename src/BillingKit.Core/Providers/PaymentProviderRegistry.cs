using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace BillingKit.Providers;

/// <summary>The registry over the <see cref="PaymentProviderRegistration"/> services.</summary>
internal sealed class PaymentProviderRegistry : IPaymentProviderRegistry
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<(ProviderName Provider, string Account), PaymentProviderRegistration> _byKey = [];
    private readonly ConcurrentDictionary<(ProviderName Provider, string Account), Lazy<IPaymentProvider>> _providers = new();
    private readonly ConcurrentDictionary<(ProviderName Provider, string Account), Lazy<IWebhookParser>> _parsers = new();

    public PaymentProviderRegistry(IEnumerable<PaymentProviderRegistration> registrations, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        var list = new List<PaymentProviderRegistration>();
        foreach (var registration in registrations)
        {
            if (_byKey.TryAdd((registration.Provider, registration.Account), registration))
            {
                list.Add(registration);
            }
        }

        Registrations = list;
    }

    public IReadOnlyList<PaymentProviderRegistration> Registrations { get; }

    public IPaymentProvider GetProvider(ProviderName provider, string? account = null) =>
        TryGetProvider(provider, account, out var found) ? found : throw NotRegistered(provider, account);

    public bool TryGetProvider(ProviderName provider, string? account, [NotNullWhen(true)] out IPaymentProvider? paymentProvider)
    {
        var key = (provider, account ?? PaymentProviderRegistration.DefaultAccount);
        if (!_byKey.TryGetValue(key, out var registration))
        {
            paymentProvider = null;
            return false;
        }

        paymentProvider = _providers.GetOrAdd(key, _ => new Lazy<IPaymentProvider>(() => registration.ProviderFactory(_services))).Value;
        return true;
    }

    public IWebhookParser GetWebhookParser(ProviderName provider, string? account = null)
    {
        var key = (provider, account ?? PaymentProviderRegistration.DefaultAccount);
        if (!_byKey.TryGetValue(key, out var registration) || registration.WebhookParserFactory is not { } factory)
        {
            throw NotRegistered(provider, account);
        }

        return _parsers.GetOrAdd(key, _ => new Lazy<IWebhookParser>(() => factory(_services))).Value;
    }

    private ProviderNotRegisteredException NotRegistered(ProviderName provider, string? account) =>
        new(provider, account ?? PaymentProviderRegistration.DefaultAccount, Registrations.Select(r => r.Provider.Value + "/" + r.Account + (r.WebhookParserFactory is null ? " (no webhooks)" : string.Empty)));
}
