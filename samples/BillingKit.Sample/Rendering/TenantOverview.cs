using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;

namespace BillingKit.Sample.Rendering;

/// <summary>One row of the tenants dashboard, read from BillingKit's contexts.</summary>
internal sealed record TenantOverview(
    SampleTenant Tenant,
    Money MonthlyRecurringRevenue,
    DunningState State,
    AccessLevel Access,
    ContractMode Mode,
    Money AmountDue,
    Money CreditBalance,
    long VerificationsUsed,
    long? VerificationsLimit)
{
    public static async Task<IReadOnlyList<TenantOverview>> LoadAsync(SampleHost host, CancellationToken cancellationToken)
    {
        var rows = new List<TenantOverview>();
        foreach (var tenant in SampleCatalog.Tenants)
        {
            rows.Add(await LoadAsync(host, tenant, cancellationToken));
        }

        return rows;
    }

    public static async Task<TenantOverview> LoadAsync(SampleHost host, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var subscriptions = host.Get<SubscriptionService>();
        var mrr = Money.Zero(SampleCatalog.Currency);
        foreach (var id in host.Book.SubscriptionsOf(tenant.Id))
        {
            var subscription = await subscriptions.GetAsync(tenant.Id, id, cancellationToken);
            if (subscription is { Status: not SubscriptionStatus.Canceled })
            {
                mrr += subscription.Price.Divide(BillingCalendar.MonthsIn(subscription.Frequency), RoundingMode.HalfUp);
            }
        }

        var dunning = await host.Get<DunningService>().GetAsync(tenant.Id, cancellationToken);
        var balances = await host.Get<LedgerService>().GetBalancesAsync(tenant.Id, SampleCatalog.Currency, cancellationToken);
        var usage = host.Get<EntitlementService>().Explain(tenant.Id, Metric.Verifications);
        return new TenantOverview(
            tenant,
            mrr,
            dunning.State,
            dunning.Access,
            dunning.Mode,
            balances.AmountDue,
            balances.CreditBalance,
            usage.Usage,
            usage.EffectiveLimit is { IsUnlimited: false } limit ? limit.Limit : null);
    }
}
