using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Storage;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations;

/// <summary>Reads what the views and reports show about a tenant from the contexts' services and stores. Reads only;
/// the unit begun to list subscriptions is discarded.</summary>
internal sealed class TenantBillingReader(
    ITenantAccountStore accounts,
    LedgerService ledger,
    IOptions<LedgerOptions> ledgerOptions,
    IDunningStore dunning,
    EntitlementService entitlements,
    InvoiceService invoices,
    ISubscriptionStore subscriptions,
    IBillingGroupStore billingGroups,
    IUnitOfWorkFactory units)
{
    public ITenantAccountStore Accounts => accounts;

    public async ValueTask<TenantAccount> RequireAccountAsync(TenantId tenant, CancellationToken cancellationToken) =>
        await accounts.FindAsync(tenant, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidTenantAccountException(tenant, $"Tenant '{tenant}' is not registered in the desk's directory; register it with TenantDirectory.RegisterAsync.");

    /// <summary>The tenant's subscriptions: its billing customer's, and those of every customer in the tenant's
    /// billing groups (which bill through the group).</summary>
    public async ValueTask<IReadOnlyList<Subscription>> SubscriptionsAsync(TenantAccount account, CancellationToken cancellationToken)
    {
        var groups = await billingGroups.ListAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        var customers = new HashSet<CustomerId> { account.BillingCustomer };
        customers.UnionWith(groups.SelectMany(g => g.Members).Select(m => m.CustomerId));
        var unit = await units.BeginAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            return await subscriptions.ListForCustomersAsync(unit, customers, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<LedgerBalances>> BalancesAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.GetBalancesAsync(tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerTenantNotFoundException)
        {
            return [];
        }
    }

    public ValueTask<DunningSnapshot?> DunningAsync(TenantId tenant, CancellationToken cancellationToken) =>
        dunning.FindAsync(tenant, cancellationToken);

    public ValueTask<IReadOnlyList<DunningSnapshot>> InLifecycleAsync(CancellationToken cancellationToken) =>
        dunning.ListInLifecycleAsync(cancellationToken);

    public async ValueTask<PlanId?> PlanAsync(TenantAccount account, CancellationToken cancellationToken) =>
        (await entitlements.GetAsync(account.Tenant, cancellationToken).ConfigureAwait(false))?.Plan ?? account.Plan;

    public async ValueTask<IReadOnlyList<Invoice>> RecentInvoicesAsync(TenantId tenant, int count, CancellationToken cancellationToken) =>
        (await invoices.SearchAsync(tenant, new InvoiceQuery { PageSize = Math.Min(count, InvoiceQuery.MaxPageSize) }, cancellationToken).ConfigureAwait(false)).Items;

    public async ValueTask<IReadOnlyList<PaymentRecord>> RecentPaymentsAsync(TenantId tenant, int count, CancellationToken cancellationToken) =>
        (await ledger.QueryPaymentsAsync(
            tenant,
            new PaymentQuery { SortBy = PaymentSort.DueDate, Descending = true, PageSize = Math.Min(count, ledgerOptions.Value.MaxPageSize) },
            cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>The latest payment date of the tenant's paid payments, or <see langword="null"/>.</summary>
    public async ValueTask<NodaTime.LocalDate?> LastPaymentDateAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var page = await ledger.QueryPaymentsAsync(
            tenant,
            new PaymentQuery { Statuses = [PaymentStatus.Paid], SortBy = PaymentSort.PaymentDate, Descending = true, PageSize = 1 },
            cancellationToken).ConfigureAwait(false);
        return page.Items.Count == 0 ? null : page.Items[0].PaymentDate;
    }

    /// <summary>Every payment of the tenant, page by page.</summary>
    public async ValueTask<IReadOnlyList<PaymentRecord>> AllPaymentsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        var all = new List<PaymentRecord>();
        var pageSize = ledgerOptions.Value.MaxPageSize;
        for (var number = 1; ; number++)
        {
            var page = await ledger.QueryPaymentsAsync(tenant, new PaymentQuery { PageNumber = number, PageSize = pageSize }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            if (!page.HasNextPage || page.Items.Count == 0)
            {
                return all;
            }
        }
    }
}
