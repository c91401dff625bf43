using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>Registers the desk's directory, views, admin actions and reports for <c>AddBillingKit()</c>. Every
/// registration is <c>TryAdd*</c>: a host's own store registered first wins, and calling it twice is harmless.</summary>
internal static class DeskServicesRegistration
{
    public static IBillingKitBuilder AddDeskServices(this IBillingKitBuilder builder, Action<DeskViewOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<DeskViewOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeskViewOptions>, DeskViewOptionsValidator>());

        services.TryAddSingleton<ITenantAccountStore, InMemoryTenantAccountStore>();
        services.TryAddSingleton<TenantBillingReader>();
        services.TryAddSingleton(sp => new TenantDirectory(sp.GetRequiredService<DeskActionRunner>(), sp.GetRequiredService<ITenantAccountStore>()));
        services.TryAddSingleton(sp => new DeskViews(
            sp.GetRequiredService<TenantBillingReader>(),
            sp.GetRequiredService<DunningService>(),
            sp.GetRequiredService<IOptions<DeskViewOptions>>()));
        services.TryAddSingleton(sp => new AuditLogDesk(sp.GetRequiredService<IAuditLog>()));
        services.TryAddSingleton(sp => new DunningDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DunningService>(),
            sp.GetRequiredService<EntitlementService>(),
            sp.GetRequiredService<IEntitlementStore>(),
            sp.GetService<ILogger<DunningDesk>>()));
        services.TryAddSingleton(sp => new EntitlementDesk(sp.GetRequiredService<DeskActionRunner>(), sp.GetRequiredService<EntitlementService>()));
        services.TryAddSingleton(sp => new PurchaseOrderDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<PurchaseOrderService>(),
            sp.GetRequiredService<IInvoicingNotifier>(),
            sp.GetRequiredService<ITenantAccountStore>()));
        services.TryAddSingleton(sp => new BillingReports(
            sp.GetRequiredService<TenantBillingReader>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<DeskViewOptions>>()));
        return builder;
    }
}
