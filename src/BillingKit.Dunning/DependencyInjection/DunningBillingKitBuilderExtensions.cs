using BillingKit;
using BillingKit.Dunning;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the dunning context.</summary>
public static class DunningBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="DunningService"/>, <see cref="DunningProcessor"/>, the in-memory <see cref="IDunningStore"/>
    /// (unless one is registered) and <see cref="DunningOptions"/>, validated at start-up. Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The BillingKit builder, from <c>services.AddBillingKitCore()</c>.</param>
    /// <param name="configure">Configures the default options; configure named options (per plan or tenant) with
    /// <c>services.Configure&lt;DunningOptions&gt;(name, ...)</c>, validated when first used.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddDunning(this IBillingKitBuilder builder, Action<DunningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<DunningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DunningOptions>, DunningOptionsValidator>());
        services.TryAddSingleton<IDunningStore, InMemoryDunningStore>();
        services.TryAddSingleton<DunningService>();
        services.TryAddSingleton<DunningProcessor>();
        return builder;
    }
}
