using BillingKit;
using BillingKit.Entitlements;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the entitlements package.</summary>
public static class EntitlementsBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers entitlements: <see cref="EntitlementGate"/> (the hot-path gate), <see cref="EntitlementService"/>
    /// (the admin), and the in-memory <see cref="IEntitlementStore"/> and <see cref="IQuotaLeaseStore"/> unless other
    /// stores were registered first. Options are validated at start-up. Calling it again is harmless. Standalone use:
    /// <c>services.AddBillingKitCore().AddEntitlements(o =&gt; o.Plans.Add(plan))</c>.
    /// </summary>
    /// <param name="builder">The BillingKit builder.</param>
    /// <param name="configure">Configures the options (plans, what limited access denies).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddEntitlements(this IBillingKitBuilder builder, Action<EntitlementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<EntitlementOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntitlementOptions>, EntitlementOptionsValidator>());
        services.TryAddSingleton<IEntitlementStore, InMemoryEntitlementStore>();
        services.TryAddSingleton<IQuotaLeaseStore, InMemoryQuotaLeaseStore>();
        services.TryAddSingleton<EntitlementGate>();
        services.TryAddSingleton<EntitlementService>();
        return builder;
    }
}
