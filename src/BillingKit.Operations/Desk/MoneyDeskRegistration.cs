using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingKit.Operations;

/// <summary>Registers the money desk (refunds, credits, payments, hosted checkout, invoices, disputes, subscriptions) and the provider-event handler.</summary>
internal static class MoneyDeskRegistration
{
    /// <summary>
    /// Adds the money desk's services and the in-memory refund, dispute, scheduled-plan-change and processed-event stores (TryAdd: a store
    /// registered before wins). Needs the contexts (<c>AddLedger</c>, <c>AddDunning</c>, <c>AddEntitlements</c>,
    /// <c>AddInvoicing</c>), the payment providers and the desk foundation (<c>AddDeskFoundation</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    public static IBillingKitBuilder AddMoneyDesk(this IBillingKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IDeskRefundStore, InMemoryDeskRefundStore>();
        services.TryAddSingleton<IDisputeStore, InMemoryDisputeStore>();
        services.TryAddSingleton<IProcessedEventStore, InMemoryProcessedEventStore>();
        services.TryAddSingleton(sp => new DeskContexts(
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<DunningService>(),
            sp.GetRequiredService<IDunningStore>(),
            sp.GetRequiredService<EntitlementService>(),
            sp.GetRequiredService<IEntitlementStore>(),
            sp.GetRequiredService<ISubscriptionStore>(),
            sp.GetRequiredService<IInvoiceStore>()));
        services.TryAddSingleton(sp => new RefundDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<DeskPaymentProviders>(),
            sp.GetRequiredService<DeskPolicies>(),
            sp.GetRequiredService<IDeskRefundStore>()));
        services.TryAddSingleton(sp => new CreditDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<CreditApprovals>(),
            sp.GetRequiredService<LedgerService>()));
        services.TryAddSingleton(sp => new PaymentDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<InvoiceService>()));
        AddCheckoutDesk(services);
        services.TryAddSingleton(sp => new InvoiceDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<InvoiceService>(),
            sp.GetRequiredService<LedgerService>()));
        services.TryAddSingleton(sp => new DisputeBook(
            sp.GetRequiredService<IDisputeStore>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<DeskPolicies>()));
        services.TryAddSingleton(sp => new DisputeDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DisputeBook>(),
            sp.GetRequiredService<IDisputeStore>(),
            sp.GetRequiredService<DeskPaymentProviders>()));
        AddSubscriptionDesk(services);
        services.TryAddSingleton(sp => new ProviderEventProcessor(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<Storage.IUnitOfWorkFactory>(),
            sp.GetRequiredService<IProcessedEventStore>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<IDeskRefundStore>(),
            sp.GetRequiredService<RefundDesk>(),
            sp.GetRequiredService<DisputeBook>(),
            sp.GetRequiredService<InvoiceService>(),
            sp.GetRequiredService<MassPaymentFailureMonitor>(),
            sp.GetRequiredService<Escalations>(),
            sp.GetService<ILogger<ProviderEventProcessor>>() ?? NullLogger<ProviderEventProcessor>.Instance));
        return builder;
    }

    /// <summary>The hosted checkout desk and the tenant accounts it reads the payer from.</summary>
    private static void AddCheckoutDesk(IServiceCollection services)
    {
        services.TryAddSingleton<ITenantAccountStore, InMemoryTenantAccountStore>();
        services.TryAddSingleton(sp => new CheckoutDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<DeskPaymentProviders>(),
            sp.GetRequiredService<ITenantAccountStore>()));
    }

    /// <summary>The subscription desk, the scheduled plan changes' in-memory store and their processor.</summary>
    private static void AddSubscriptionDesk(IServiceCollection services)
    {
        services.TryAddSingleton<IScheduledPlanChangeStore, InMemoryScheduledPlanChangeStore>();
        services.TryAddSingleton(sp => new SubscriptionDesk(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<SubscriptionService>(),
            sp.GetRequiredService<RefundDesk>(),
            sp.GetRequiredService<IScheduledPlanChangeStore>()));
        services.TryAddSingleton(sp => new PlanChangeProcessor(
            sp.GetRequiredService<DeskActionRunner>(),
            sp.GetRequiredService<Storage.IUnitOfWorkFactory>(),
            sp.GetRequiredService<IScheduledPlanChangeStore>(),
            sp.GetRequiredService<DeskContexts>(),
            sp.GetRequiredService<SubscriptionService>()));
    }
}
