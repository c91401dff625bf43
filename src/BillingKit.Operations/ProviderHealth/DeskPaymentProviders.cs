using System.Collections.Concurrent;
using BillingKit.Providers;

namespace BillingKit.Operations;

/// <summary>The providers as the desk calls them: from the registry, each wrapped once so that the
/// <see cref="ProviderHealthMonitor"/> sees every call.</summary>
/// <remarks>Thread-safe. Needs <c>AddPaymentProviders()</c> (every adapter calls it).</remarks>
internal sealed class DeskPaymentProviders(IPaymentProviderRegistry registry, ProviderHealthMonitor monitor)
{
    private readonly ConcurrentDictionary<(ProviderName, string), IPaymentProvider> _tracked = new();

    /// <exception cref="ProviderNotRegisteredException">Nothing is registered for the provider and account.</exception>
    public IPaymentProvider Get(ProviderName provider, string? account = null)
    {
        var inner = registry.GetProvider(provider, account);
        return _tracked.GetOrAdd((provider, inner.Account), static (_, state) => state.monitor.Track(state.inner), (inner, monitor));
    }
}
