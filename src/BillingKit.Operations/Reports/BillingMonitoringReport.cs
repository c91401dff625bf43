using NodaTime;

namespace BillingKit.Operations;

/// <summary>Tenant billing monitoring: MRR normalized to a month per currency, subscription counts by status, and
/// the tenant table.</summary>
/// <param name="AsOf">When the report was made; each tenant's "today" is this instant in its time zone.</param>
/// <param name="Mrr">Monthly recurring revenue per currency (ordered by currency code): the sum of the monthly
/// amounts of active and past-due subscriptions.</param>
/// <param name="Subscriptions">Subscription counts by status.</param>
/// <param name="Tenants">One row per tenant in the directory, by name.</param>
public sealed record BillingMonitoringReport(
    Instant AsOf,
    IReadOnlyList<Money> Mrr,
    SubscriptionCounts Subscriptions,
    IReadOnlyList<TenantReportRow> Tenants);
