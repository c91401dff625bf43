using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>What the desk shows for one tenant: its account, plan, dunning status, provider and the provider's
/// customer id, balances from the ledger, subscriptions, and its recent invoices and payments.</summary>
/// <param name="Account">The tenant's account from the directory.</param>
/// <param name="Plan">The tenant's plan: its entitlements plan when it has one, else the account's plan.</param>
/// <param name="Dunning">The tenant's dunning record, or <see langword="null"/> when it is not enrolled.</param>
/// <param name="Balances">The ledger balances per currency (amount due, credit balance, totals); empty when the ledger
/// has no books for the tenant.</param>
/// <param name="Subscriptions">The subscriptions billed to the account's customer.</param>
/// <param name="RecentInvoices">The most recent invoices, newest invoice date first, at most
/// <see cref="DeskViewOptions.RecentItems"/>.</param>
/// <param name="RecentPayments">The most recent payments, latest due date first, at most
/// <see cref="DeskViewOptions.RecentItems"/>.</param>
public sealed record TenantBillingDetail(
    TenantAccount Account,
    PlanId? Plan,
    DunningSnapshot? Dunning,
    IReadOnlyList<LedgerBalances> Balances,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Invoice> RecentInvoices,
    IReadOnlyList<PaymentRecord> RecentPayments)
{
    /// <summary>Gets the provider that collects from the tenant.</summary>
    public ProviderName Provider => Account.Provider;

    /// <summary>Gets the provider's id of the tenant as a customer, if any.</summary>
    public string? ProviderCustomerId => Account.ProviderCustomerId;
}
