using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Operations.Tests.Views;

public class AuditLogDeskTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");
    private static readonly TenantId Globex = TenantId.From("ten_globex");

    [Fact]
    public async Task Finance_queries_the_audit_log_by_tenant_actor_action_and_time_range()
    {
        await using var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.RegisterAsync(Globex, "Globex Corporation", "ap@globex.example");
        await desk.PutOnPlanAsync(Acme, BillingKitDesk.Pro);
        desk.Clock.AdvanceDays(1);
        var dayTwo = desk.Clock.Now;
        var entitlements = desk.Get<EntitlementDesk>();
        await entitlements.SetQuotaOverrideAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Pilot"), Metric.Verifications, Quota.Of(50_000));
        desk.Clock.AdvanceDays(1);
        await entitlements.GrantGraceAllowanceAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Launch week"), Metric.Verifications, 500, 48);
        var audit = desk.Get<AuditLogDesk>();

        var acme = await audit.QueryAsync(DeskFixture.Finance, new AuditQuery { Tenant = Acme });
        var byActor = await audit.QueryAsync(DeskFixture.Finance, new AuditQuery { ActorId = DeskFixture.BillingAdmin.Id });
        var byAction = await audit.QueryAsync(DeskFixture.Finance, new AuditQuery { Action = "tenant.register" });
        var dayTwoOnly = await audit.QueryAsync(DeskFixture.Finance, new AuditQuery { From = dayTwo, Until = dayTwo + Duration.FromDays(1) });

        Assert.Equal(["entitlements.grant-grace", "entitlements.override-quota", "tenant.register"], acme.Records.Select(r => r.Action), StringComparer.Ordinal);
        Assert.Equal(["entitlements.override-quota"], byActor.Records.Select(r => r.Action), StringComparer.Ordinal);
        Assert.Equal([Globex, Acme], byAction.Records.Select(r => r.Tenant));
        Assert.Equal("Pilot", Assert.Single(dayTwoOnly.Records).Reason);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first()
    {
        await using var desk = BillingKitDesk.Create();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await desk.RegisterAsync(TenantId.From("ten_" + name), "Tenant " + name, name + "@example.com");
            desk.Clock.AdvanceHours(1);
        }

        var audit = desk.Get<AuditLogDesk>();
        var first = await audit.QueryAsync(DeskFixture.BillingAdmin, new AuditQuery { PageSize = 2 });
        var second = await audit.QueryAsync(DeskFixture.BillingAdmin, new AuditQuery { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(["ten_c", "ten_b"], first.Records.Select(r => r.Tenant.Value), StringComparer.Ordinal);
        Assert.Equal(["ten_a"], second.Records.Select(r => r.Tenant.Value), StringComparer.Ordinal);
        Assert.Null(second.NextPageToken);
    }

    [Theory]
    [InlineData(BillingRole.Support)]
    [InlineData(BillingRole.Customer)]
    [InlineData(BillingRole.System)]
    public async Task Roles_without_audit_log_access_are_refused(BillingRole role)
    {
        await using var desk = BillingKitDesk.Create();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Get<AuditLogDesk>().QueryAsync(new Actor("someone", role, "Someone"), new AuditQuery()));

        Assert.Equal(DeskPermission.ViewAuditLog, denied.Permission);
    }
}
