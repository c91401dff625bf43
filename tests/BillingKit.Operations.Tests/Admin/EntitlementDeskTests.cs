using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Operations.Tests.Admin;

public class EntitlementDeskTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    private static async Task<BillingKitDesk> TenantOnStarterAsync()
    {
        var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.PutOnPlanAsync(Acme, BillingKitDesk.Starter);
        return desk;
    }

    [Fact]
    public async Task An_admin_overrides_a_quota_and_the_gate_uses_it_at_once()
    {
        await using var desk = await TenantOnStarterAsync();

        var result = await desk.Get<EntitlementDesk>().SetQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Enterprise pilot, 3 months"), Metric.Verifications, Quota.Of(50_000));

        Assert.Equal("Enterprise pilot, 3 months", result.Reason);
        Assert.Equal(50_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("entitlements.override-quota", "verifications", "50000"), (record.Action, record.Target, record.Details["quota"]));
    }

    [Fact]
    public async Task Removing_the_override_brings_back_the_plans_quota()
    {
        await using var desk = await TenantOnStarterAsync();
        var entitlements = desk.Get<EntitlementDesk>();
        await entitlements.SetQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Pilot"), Metric.Verifications, Quota.Of(50_000));

        var removed = await entitlements.RemoveQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Pilot ended"), Metric.Verifications);
        var again = await entitlements.RemoveQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Pilot ended"), Metric.Verifications);

        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(1_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        Assert.Equal(["true", "false"], (await desk.AuditRecordsAsync(Acme)).Where(r => r.Action == "entitlements.remove-quota-override").Select(r => r.Details["removed"]), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Feature_overrides_come_from_json_and_can_be_removed()
    {
        await using var desk = await TenantOnStarterAsync();
        var entitlements = desk.Get<EntitlementDesk>();

        var overrides = await entitlements.SetFeatureOverridesAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Sales deal #42"), """{"sso": true, "region": "eu"}""");
        Assert.True(desk.Get<EntitlementGate>().IsEnabled(Acme, BillingKitDesk.Sso));
        var removed = await entitlements.RemoveFeatureOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Deal expired"), BillingKitDesk.Sso);

        Assert.Equal(2, overrides.Count);
        Assert.True(removed);
        Assert.False(desk.Get<EntitlementGate>().IsEnabled(Acme, BillingKitDesk.Sso));
        var records = await desk.AuditRecordsAsync(Acme);
        Assert.Equal("region,sso", records.Single(r => r.Action == "entitlements.override-features").Details["features"]);
        Assert.Equal("sso", records.Single(r => r.Action == "entitlements.remove-feature-override").Target);
    }

    [Fact]
    public async Task Malformed_feature_json_is_refused_and_writes_nothing()
    {
        await using var desk = await TenantOnStarterAsync();
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<InvalidFeatureOverrideException>(() =>
            desk.Get<EntitlementDesk>().SetFeatureOverridesAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Deal"), """{"sso": tru"""));

        Assert.Empty((await desk.Get<EntitlementService>().GetAsync(Acme))!.FeatureOverrides);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task A_grace_allowance_adds_units_for_some_hours_and_then_expires()
    {
        await using var desk = await TenantOnStarterAsync();

        var grace = await desk.Get<EntitlementDesk>().GrantGraceAllowanceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Launch week"), Metric.Verifications, 500, 48);

        Assert.Equal(1_500, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        desk.Clock.AdvanceHours(48);
        Assert.Equal(1_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("entitlements.grant-grace", grace.Id.ToString("D"), "verifications", "500", "48"),
            (record.Action, record.Target, record.Details["metric"], record.Details["units"], record.Details["hours"]));
    }

    [Fact]
    public async Task A_grace_allowance_can_be_revoked_before_it_expires()
    {
        await using var desk = await TenantOnStarterAsync();
        var entitlements = desk.Get<EntitlementDesk>();
        var grace = await entitlements.GrantGraceAllowanceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Launch week"), Metric.Verifications, 500, 48);

        var revoked = await entitlements.RevokeGraceAllowanceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Launch postponed"), grace.Id);

        Assert.True(revoked);
        Assert.Equal(1_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
    }

    [Theory]
    [InlineData(0, 48)]
    [InlineData(500, 0)]
    public async Task A_grace_allowance_without_units_or_hours_is_refused_and_writes_nothing(long units, int hours)
    {
        await using var desk = await TenantOnStarterAsync();
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            desk.Get<EntitlementDesk>().GrantGraceAllowanceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Launch week"), Metric.Verifications, units, hours));

        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Setting_the_plan_changes_the_limits_and_an_unknown_plan_is_refused()
    {
        await using var desk = await TenantOnStarterAsync();
        var entitlements = desk.Get<EntitlementDesk>();

        var result = await entitlements.SetPlanAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Upgraded to Pro"), BillingKitDesk.Pro, new LocalDate(2026, 1, 15));
        await Assert.ThrowsAsync<UnknownPlanException>(() => entitlements.SetPlanAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Typo"), PlanId.From("platinum"), new LocalDate(2026, 1, 15)));

        Assert.Equal(BillingKitDesk.Pro, result.Plan);
        Assert.Equal(10_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("entitlements.set-plan", "pro", "2026-01-15"), (record.Action, record.Target, record.Details["cycle-anchor"]));
    }

    [Theory]
    [InlineData(BillingRole.Finance)]
    [InlineData(BillingRole.Support)]
    [InlineData(BillingRole.Customer)]
    public async Task Only_admins_and_the_system_override_entitlements(BillingRole role)
    {
        await using var desk = await TenantOnStarterAsync();
        var before = (await desk.AuditRecordsAsync()).Count;
        var request = BillingKitDesk.Request(new Actor("someone", role, "Someone"), Acme, "Please");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Get<EntitlementDesk>().SetQuotaOverrideAsync(request, Metric.Verifications, Quota.Unlimited));
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Get<EntitlementDesk>().GrantGraceAllowanceAsync(request, Metric.Verifications, 100, 1));

        Assert.Equal(DeskPermission.ManageEntitlements, denied.Permission);
        Assert.Equal(1_000, desk.Get<EntitlementGate>().Check(Acme, Metric.Verifications, 1).Limit);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Overriding_a_tenant_without_a_plan_is_refused()
    {
        await using var desk = BillingKitDesk.Create();

        await Assert.ThrowsAsync<UnknownTenantException>(() =>
            desk.Get<EntitlementDesk>().SetQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Pilot"), Metric.Verifications, Quota.Of(5)));

        Assert.Empty(await desk.AuditRecordsAsync());
    }
}
