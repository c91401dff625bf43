using BillingKit;
using BillingKit.Invoicing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the invoicing context.</summary>
public static class InvoicingBillingKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="InvoiceService"/>, <see cref="SubscriptionService"/>, <see cref="BillingGroupService"/> and
    /// <see cref="PurchaseOrderService"/>, the in-memory stores (unless stores were registered first, for example by
    /// <c>UsePostgreSql</c>), a logging-only <see cref="IInvoicingNotifier"/> (unless the host registered its own first),
    /// and <see cref="InvoicingOptions"/>, validated when the host starts. Calling it again is harmless; configure
    /// delegates add up.
    /// </summary>
    /// <param name="builder">The BillingKit builder, from <c>services.AddBillingKitCore()</c> or <c>AddBillingKit()</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IBillingKitBuilder AddInvoicing(this IBillingKitBuilder builder, Action<InvoicingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<InvoicingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvoicingOptions>, InvoicingOptionsValidator>());
        services.TryAddSingleton<IInvoiceStore, InMemoryInvoiceStore>();
        services.TryAddSingleton<ISubscriptionStore, InMemorySubscriptionStore>();
        services.TryAddSingleton<IBillingGroupStore, InMemoryBillingGroupStore>();
        services.TryAddSingleton<IPurchaseOrderStore, InMemoryPurchaseOrderStore>();
        services.TryAddSingleton<IInvoicingNotifier, LoggingInvoicingNotifier>();
        services.TryAddSingleton<InvoiceService>();
        services.TryAddSingleton<SubscriptionService>();
        services.TryAddSingleton<BillingGroupService>();
        services.TryAddSingleton<PurchaseOrderService>();
        return builder;
    }
}
