using BillingKit.Dunning;
using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Operations.Tests.Admin;

public class DunningDeskTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    private static async Task<BillingKitDesk> PastDueTenantOnProAsync()
    {
        var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.PutOnPlanAsync(Acme, BillingKitDesk.Pro);
        await desk.FailPaymentAsync(Acme);
        return desk;
    }

    [Fact]
    public async Task An_admin_suspends_a_past_due_tenant_and_entitlements_block_it_in_the_same_unit()
    {
        await using var desk = await PastDueTenantOnProAsync();

        var decision = await desk.Get<DunningDesk>().ForceStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Chargeback fraud confirmed"), ForcedState.Suspended);

        Assert.Equal(DunningState.Suspended, decision.Snapshot.State);
        Assert.Equal(DunningState.Suspended, (await desk.Get<DunningService>().GetAsync(Acme)).Forced);
        Assert.Equal(EntitlementReason.AccessBlocked, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Reason);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("dunning.force-state", DeskFixture.BillingAdmin.Id, "Chargeback fraud confirmed", "ten_acme"), (record.Action, record.ActorId, record.Reason, record.Target));
        Assert.Equal(("Suspended", "Blocked", "Suspended", "PastDue>Suspended"), (record.Details["state"], record.Details["access"], record.Details["forced"], record.Details["transitions"]));
        var overrideRecord = Assert.Single(await desk.Get<DunningService>().GetOverridesAsync(Acme));
        Assert.Equal("Chargeback fraud confirmed", overrideRecord.Reason);
        Assert.Contains(desk.Logs.Entries, e => e.Id.Id == 8010);
    }

    [Theory]
    [InlineData(BillingRole.Finance)]
    [InlineData(BillingRole.Support)]
    public async Task Finance_and_support_cannot_override_dunning_and_nothing_changes(BillingRole role)
    {
        await using var desk = await PastDueTenantOnProAsync();
        var before = await desk.AuditRecordsAsync();
        var actor = new Actor("someone", role, "Someone");
        var dunning = desk.Get<DunningDesk>();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => dunning.ForceStateAsync(BillingKitDesk.Request(actor, Acme, "Please"), ForcedState.Active));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => dunning.ExtendGraceAsync(BillingKitDesk.Request(actor, Acme, "Please"), 7));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => dunning.ChangeContractModeAsync(BillingKitDesk.Request(actor, Acme, "Please"), ContractMode.Enterprise));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => dunning.ClearForcedStateAsync(BillingKitDesk.Request(actor, Acme, "Please")));

        var snapshot = await desk.Get<DunningService>().GetAsync(Acme);
        Assert.Equal((DunningState.PastDue, (DunningState?)null, ContractMode.Standard, Duration.Zero), (snapshot.State, snapshot.Forced, snapshot.Mode, snapshot.Grace));
        Assert.Equal(before.Count, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Clearing_a_forced_state_hands_the_tenant_back_to_the_machine()
    {
        await using var desk = await PastDueTenantOnProAsync();
        var dunning = desk.Get<DunningDesk>();
        await dunning.ForceStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Dispute open"), ForcedState.Active);
        Assert.True(desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).IsAllowed);

        var decision = await dunning.ClearForcedStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Dispute lost"));

        Assert.Null(decision.Snapshot.Forced);
        Assert.Equal(DunningState.PastDue, decision.Snapshot.State);
        Assert.True(desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).IsWarned);
        Assert.Equal("dunning.clear-forced-state", (await desk.AuditRecordsAsync(Acme))[^1].Action);
    }

    [Fact]
    public async Task Clearing_when_nothing_is_forced_is_refused_by_dunning_and_writes_nothing()
    {
        await using var desk = await PastDueTenantOnProAsync();
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<DunningTransitionException>(() =>
            desk.Get<DunningDesk>().ClearForcedStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Tidy up")));

        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Extending_the_grace_moves_the_next_stage_back_by_that_many_days()
    {
        await using var desk = await PastDueTenantOnProAsync();
        var before = await desk.Get<DunningService>().GetAsync(Acme);

        var decision = await desk.Get<DunningDesk>().ExtendGraceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Customer's bank holiday"), 10);

        Assert.Equal(Duration.FromDays(10), decision.Snapshot.Grace);
        Assert.Equal(before.NextStageAt!.Value + Duration.FromDays(10), decision.Snapshot.NextStageAt);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("dunning.extend-grace", "10", "Extended grace by 10 days"), (record.Action, record.Details["days"], record.Details["override"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task Grace_out_of_range_is_refused_and_writes_nothing(int days)
    {
        await using var desk = await PastDueTenantOnProAsync();
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<InvalidDunningOverrideException>(() =>
            desk.Get<DunningDesk>().ExtendGraceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Goodwill"), days));

        Assert.Equal(Duration.Zero, (await desk.Get<DunningService>().GetAsync(Acme)).Grace);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Switching_a_tenant_to_enterprise_stops_automatic_retries()
    {
        await using var desk = await PastDueTenantOnProAsync();

        var decision = await desk.Get<DunningDesk>().ChangeContractModeAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Signed an enterprise contract; pays by wire"), ContractMode.Enterprise);

        Assert.Equal(ContractMode.Enterprise, decision.Snapshot.Mode);
        Assert.Null(decision.Snapshot.NextRetryAt);
        Assert.Equal("Changed the contract mode to Enterprise", (await desk.AuditRecordsAsync(Acme))[^1].Details["override"]);
    }

    [Fact]
    public async Task An_override_for_a_tenant_not_in_dunning_is_refused_and_writes_nothing()
    {
        await using var desk = BillingKitDesk.Create();

        await Assert.ThrowsAsync<DunningTenantNotFoundException>(() =>
            desk.Get<DunningDesk>().ForceStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Abuse"), ForcedState.Suspended));

        Assert.Empty(await desk.AuditRecordsAsync());
    }
}
