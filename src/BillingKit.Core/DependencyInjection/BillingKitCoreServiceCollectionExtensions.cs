using BillingKit;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what every BillingKit package shares.</summary>
public static class BillingKitCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shared services (the system clock, the in-memory unit-of-work factory) and returns a builder
    /// for adapters and stores. Packages call it for you; call it yourself only when you use a single package
    /// without <c>AddBillingKit</c>. Calling it again is harmless, and services you registered first win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IBillingKitBuilder AddBillingKitCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IUnitOfWorkFactory, InMemoryUnitOfWorkFactory>();
        return new BillingKitBuilder(services);
    }
}
