using BillingKit.Dunning;
using BillingKit.Entitlements;

namespace BillingKit.Operations.Tests.Admin;

public class UnitOfWorkFormsTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    private static async Task<BillingKitDesk> PastDueTenantOnStarterAsync()
    {
        var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.PutOnPlanAsync(Acme, BillingKitDesk.Starter);
        await desk.FailPaymentAsync(Acme);
        return desk;
    }

    [Fact]
    public async Task Two_admin_actions_in_the_hosts_unit_commit_together_each_with_its_audit_record()
    {
        await using var desk = await PastDueTenantOnStarterAsync();
        var before = (await desk.AuditRecordsAsync(Acme)).Count;

        await using (var unit = await desk.BeginAsync(Acme))
        {
            var request = BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Enterprise deal signed: keep them running, raise the quota");
            await desk.Get<DunningDesk>().ForceStateAsync(unit, request, ForcedState.Active);
            await desk.Get<EntitlementDesk>().SetQuotaOverrideAsync(unit, request, Metric.Verifications, Quota.Of(25_000));
            Assert.Equal(1_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
            await unit.CommitAsync();
        }

        Assert.Equal(DunningState.Active, (await desk.Get<DunningService>().GetAsync(Acme)).Forced);
        Assert.Equal(25_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        Assert.Equal(["dunning.force-state", "entitlements.override-quota"], (await desk.AuditRecordsAsync(Acme)).Skip(before).Select(r => r.Action), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_discarded_unit_leaves_neither_the_changes_nor_their_audit_records()
    {
        await using var desk = await PastDueTenantOnStarterAsync();
        var before = (await desk.AuditRecordsAsync(Acme)).Count;

        await using (var unit = await desk.BeginAsync(Acme))
        {
            var request = BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Abuse report");
            await desk.Get<DunningDesk>().ForceStateAsync(unit, request, ForcedState.Suspended);
            await desk.Get<TenantDirectory>().UpdateAsync(unit, request, BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example") with { Status = TenantAccountStatus.Suspended });
        }

        Assert.Null((await desk.Get<DunningService>().GetAsync(Acme)).Forced);
        Assert.Equal(TenantAccountStatus.Active, (await desk.Get<ITenantAccountStore>().FindAsync(Acme))!.Status);
        Assert.Equal(before, (await desk.AuditRecordsAsync(Acme)).Count);
    }

    [Fact]
    public async Task A_unit_of_another_tenant_is_refused()
    {
        await using var desk = await PastDueTenantOnStarterAsync();
        await using var unit = await desk.BeginAsync(TenantId.From("ten_globex"));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            desk.Get<DunningDesk>().ExtendGraceAsync(unit, BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Bank holiday"), 5));
    }
}
