using BillingKit;
using BillingKit.Operations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers all of BillingKit: the billing desk and every context it composes.</summary>
public static class BillingKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers BillingKit with the embedded in-memory stores: Core (clock, units of work, the provider registry
    /// with the offline provider), the ledger, dunning, entitlements and invoicing contexts, and the billing desk
    /// (authorization, audit log, approvals, escalations, pay links, provider health, policies, the money desk, the
    /// tenant directory, views, admin actions and reports). Every option is validated at start-up
    /// (<c>ValidateOnStart</c>) with one message per problem naming the option.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options of the contexts and the desk.</param>
    /// <returns>The builder, on which providers and durable stores are added:
    /// <c>.AddStripe(...)</c>, <c>.AddPaystack(...)</c>, <c>.AddFlutterwave(...)</c>, <c>.UsePostgreSql(...)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>Every registration is <c>TryAdd*</c>: a store, sink, clock or notifier the host registered first wins,
    /// and calling it twice is harmless (both configure delegates apply).</remarks>
    public static IBillingKitBuilder AddBillingKit(this IServiceCollection services, Action<BillingKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddBillingKitCore()
            .AddPaymentProviders()
            .AddLedger(Project(configure, (BillingKit.Ledger.LedgerOptions o) => new BillingKitOptions(ledger: o)))
            .AddDunning(Project(configure, (BillingKit.Dunning.DunningOptions o) => new BillingKitOptions(dunning: o)))
            .AddEntitlements(Project(configure, (BillingKit.Entitlements.EntitlementOptions o) => new BillingKitOptions(entitlements: o)))
            .AddInvoicing(Project(configure, (BillingKit.Invoicing.InvoicingOptions o) => new BillingKitOptions(invoicing: o)))
            .AddDeskFoundation(Project(configure, (BillingDeskOptions o) => new BillingKitOptions(desk: o)))
            .AddMoneyDesk()
            .AddDeskServices(Project(configure, (DeskViewOptions o) => new BillingKitOptions(views: o)));
    }

    private static Action<T>? Project<T>(Action<BillingKitOptions>? configure, Func<T, BillingKitOptions> wrap) =>
        configure is null ? null : options => configure(wrap(options));
}
