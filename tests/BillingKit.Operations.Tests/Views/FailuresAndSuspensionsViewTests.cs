using BillingKit.Dunning;

namespace BillingKit.Operations.Tests.Views;

public class FailuresAndSuspensionsViewTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");
    private static readonly TenantId Globex = TenantId.From("ten_globex");
    private static readonly TenantId Unregistered = TenantId.From("ten_unregistered");

    [Fact]
    public async Task The_view_names_each_failing_tenant_most_days_past_due_first_with_the_actions_an_admin_may_take()
    {
        await using var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.RegisterAsync(Globex, "Globex Corporation", "ap@globex.example");
        await desk.FailPaymentAsync(Acme);
        desk.Clock.AdvanceDays(5);
        await desk.FailPaymentAsync(Globex);
        await desk.FailPaymentAsync(Unregistered);
        await desk.Get<DunningDesk>().ForceStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Globex, "Disputed invoice; keep them running"), ForcedState.Active);

        var rows = await desk.Get<DeskViews>().GetFailuresAndSuspensionsAsync(DeskFixture.BillingAdmin);

        Assert.Equal(["Acme Corp", "Globex Corporation", "ten_unregistered"], rows.Select(r => r.TenantName), StringComparer.Ordinal);
        Assert.Equal((5, DunningState.PastDue), (rows[0].Status.DaysPastDue, rows[0].Status.State));
        Assert.Equal(
            [DunningRowAction.RecordPayment, DunningRowAction.IssueCredit, DunningRowAction.ExtendGrace, DunningRowAction.ForceActive, DunningRowAction.ForceSuspended, DunningRowAction.ChangeContractMode],
            rows[0].Actions);
        Assert.Equal(DunningState.Active, rows[1].Status.Forced);
        Assert.Equal(
            [DunningRowAction.RecordPayment, DunningRowAction.IssueCredit, DunningRowAction.ExtendGrace, DunningRowAction.ForceActive, DunningRowAction.ForceSuspended, DunningRowAction.ClearForcedState, DunningRowAction.ChangeContractMode],
            rows[1].Actions);
        Assert.Null(rows[2].Account);
    }

    [Fact]
    public async Task Finance_sees_the_money_actions_and_support_sees_the_rows_without_actions()
    {
        await using var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.FailPaymentAsync(Acme);
        var views = desk.Get<DeskViews>();

        var finance = Assert.Single(await views.GetFailuresAndSuspensionsAsync(DeskFixture.Finance));
        var support = Assert.Single(await views.GetFailuresAndSuspensionsAsync(DeskFixture.Support));

        Assert.Equal([DunningRowAction.RecordPayment, DunningRowAction.IssueCredit], finance.Actions);
        Assert.Empty(support.Actions);
        Assert.Equal("Acme Corp", support.TenantName);
    }

    [Fact]
    public async Task A_suspended_tenant_is_not_offered_suspension_again_and_a_customer_may_not_see_the_view()
    {
        await using var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.FailPaymentAsync(Acme);
        await desk.Get<DunningDesk>().ForceStateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Abuse report"), ForcedState.Suspended);

        var row = Assert.Single(await desk.Get<DeskViews>().GetFailuresAndSuspensionsAsync(DeskFixture.SuperAdmin));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<DeskViews>().GetFailuresAndSuspensionsAsync(DeskFixture.Customer));

        Assert.Equal(DunningState.Suspended, row.Status.State);
        Assert.DoesNotContain(DunningRowAction.ForceSuspended, row.Actions);
        Assert.Contains(DunningRowAction.ClearForcedState, row.Actions);
    }
}
