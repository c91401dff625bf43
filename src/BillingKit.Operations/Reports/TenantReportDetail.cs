using BillingKit.Dunning;
using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>The billing monitoring report's detail view of one tenant.</summary>
/// <param name="Row">Its row in the tenant table.</param>
/// <param name="Account">Its account.</param>
/// <param name="Subscriptions">Each subscription with its status and MRR contribution.</param>
/// <param name="Balances">Its ledger balances per currency; empty when the ledger has no books for it.</param>
/// <param name="Dunning">Its dunning record, or <see langword="null"/>.</param>
/// <param name="RecentPayments">Its most recent payments, latest due date first.</param>
public sealed record TenantReportDetail(
    TenantReportRow Row,
    TenantAccount Account,
    IReadOnlyList<SubscriptionReportLine> Subscriptions,
    IReadOnlyList<LedgerBalances> Balances,
    DunningSnapshot? Dunning,
    IReadOnlyList<PaymentRecord> RecentPayments);
