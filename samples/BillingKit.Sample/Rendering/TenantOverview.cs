using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Ledger;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;

namespace BillingKit.Sample.Rendering;

/// <summary>What the dashboard shows beside the desk's report for a tenant: access, balances and quota use.</summary>
internal sealed record TenantOverview(
    TenantId Tenant,
    AccessLevel Access,
    Money AmountDue,
    Money CreditBalance,
    long VerificationsUsed,
    long? VerificationsLimit)
{
    public static async Task<IReadOnlyDictionary<TenantId, TenantOverview>> LoadAsync(SampleHost host, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<TenantId, TenantOverview>();
        foreach (var tenant in SampleCatalog.Tenants)
        {
            var dunning = await host.Get<DunningService>().GetAsync(tenant.Id, cancellationToken);
            var balances = await host.Get<LedgerService>().GetBalancesAsync(tenant.Id, SampleCatalog.Currency, cancellationToken);
            var usage = host.Get<EntitlementService>().Explain(tenant.Id, Metric.Verifications);
            rows[tenant.Id] = new TenantOverview(
                tenant.Id,
                dunning.Access,
                balances.AmountDue,
                balances.CreditBalance,
                usage.Usage,
                usage.EffectiveLimit is { IsUnlimited: false } limit ? limit.Limit : null);
        }

        return rows;
    }
}
