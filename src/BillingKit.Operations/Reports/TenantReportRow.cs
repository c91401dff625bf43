using BillingKit.Dunning;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>One row of the tenant table in the billing monitoring report.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Name">Its name from the directory.</param>
/// <param name="Plan">Its plan (entitlements plan, else the account's).</param>
/// <param name="Status">Its status from its subscriptions.</param>
/// <param name="Dunning">Its dunning state, or <see langword="null"/> when it is not enrolled.</param>
/// <param name="Provider">The provider that collects from it.</param>
/// <param name="LastPaymentDate">The latest payment date of its paid payments, or <see langword="null"/>.</param>
/// <param name="Mrr">Its MRR contribution, one amount per currency (ordered by currency code); empty when nothing
/// counts.</param>
public sealed record TenantReportRow(
    TenantId Tenant,
    string Name,
    PlanId? Plan,
    TenantBillingStatus Status,
    DunningState? Dunning,
    ProviderName Provider,
    LocalDate? LastPaymentDate,
    IReadOnlyList<Money> Mrr);
