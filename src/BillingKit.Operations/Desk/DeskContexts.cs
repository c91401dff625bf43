using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// What the money desk and the provider-event handler share: finding ledger payments by the provider's ids, and
/// applying a dunning event with its access-level change pushed to entitlements in the same unit.
/// </summary>
internal sealed class DeskContexts(
    LedgerService ledger,
    DunningService dunning,
    IDunningStore dunningStore,
    EntitlementService entitlements,
    IEntitlementStore entitlementStore,
    ISubscriptionStore subscriptionStore,
    IInvoiceStore invoiceStore)
{
    public LedgerService Ledger => ledger;

    /// <summary>Finds the tenant's payment recorded with this provider reference (the provider's charge id).</summary>
    public async ValueTask<PaymentRecord?> FindByProviderReferenceAsync(
        ITenantUnitOfWork unit,
        ProviderName provider,
        string providerReference,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        var page = await ledger.QueryPaymentsAsync(unit.Tenant, new PaymentQuery { Search = providerReference, PageSize = 50 }, cancellationToken).ConfigureAwait(false);
        var match = page.Items.FirstOrDefault(p => p.Provider == provider && string.Equals(p.ProviderReference, providerReference, StringComparison.Ordinal));
        return match is null ? null : await ledger.GetPaymentAsync(unit, match.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds our payment by id in the unit, or <see langword="null"/> when the ledger has none.</summary>
    public async ValueTask<PaymentRecord?> FindPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.GetPaymentAsync(unit, payment, cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Applies a dunning event when the tenant is enrolled in dunning (otherwise returns <see langword="null"/>), and
    /// when the decision changes the access level, sets it in entitlements (if the tenant has entitlements), all in the unit.
    /// </summary>
    public async ValueTask<DunningDecision?> ApplyDunningAsync(ITenantUnitOfWork unit, DunningEvent dunningEvent, CancellationToken cancellationToken)
    {
        if (await dunningStore.GetAsync(unit, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var decision = await dunning.ApplyAsync(unit, dunningEvent, cancellationToken).ConfigureAwait(false);
        var change = decision.Effects.OfType<ChangeAccessLevel>().LastOrDefault();
        if (change is not null && await entitlementStore.GetAsync(unit, cancellationToken).ConfigureAwait(false) is not null)
        {
            await entitlements.SetAccessLevelAsync(unit, change.To, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>Whether the tenant has entitlements configured (a plan).</summary>
    public async ValueTask<bool> HasEntitlementsAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken) =>
        await entitlementStore.GetAsync(unit, cancellationToken).ConfigureAwait(false) is not null;

    public EntitlementService Entitlements => entitlements;

    /// <summary>Reads a subscription as the unit sees it, or throws when the tenant has none.</summary>
    public async ValueTask<Subscription> RequireAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken) =>
        await subscriptionStore.FindAsync(unit, id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "subscription", id.Value);

    /// <summary>Reads an invoice as the unit sees it, or throws when the tenant has none.</summary>
    public async ValueTask<Invoice> RequireAsync(ITenantUnitOfWork unit, InvoiceId id, CancellationToken cancellationToken) =>
        await invoiceStore.FindAsync(unit, id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "invoice", id.Value);
}
