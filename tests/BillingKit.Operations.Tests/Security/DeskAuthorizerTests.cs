namespace BillingKit.Operations.Tests.Security;

public class DeskAuthorizerTests
{
    [Fact]
    public void Support_may_read_billing_and_add_notes_but_not_move_money()
    {
        Assert.Equal([DeskPermission.ViewBilling, DeskPermission.AddNote], DeskAuthorizer.PermissionsOf(BillingRole.Support).Order());
        Assert.False(DeskAuthorizer.IsAllowed(DeskFixture.Support, DeskPermission.IssueRefund));
    }

    [Theory]
    [InlineData(DeskPermission.RecordPayment)]
    [InlineData(DeskPermission.IssueRefund)]
    [InlineData(DeskPermission.CancelPayment)]
    public void Recording_payments_refunds_and_cancelled_payments_need_finance_or_an_admin(DeskPermission permission) =>
        Assert.Equal(
            [BillingRole.Finance, BillingRole.BillingAdmin, BillingRole.SuperAdmin, BillingRole.System],
            DeskAuthorizer.RolesWith(permission));

    [Theory]
    [InlineData(DeskPermission.ManageDunning)]
    [InlineData(DeskPermission.ManageEntitlements)]
    [InlineData(DeskPermission.ReviewPurchaseOrders)]
    [InlineData(DeskPermission.ManageSubscriptions)]
    [InlineData(DeskPermission.ApproveCredits)]
    public void Billing_operations_are_for_billing_admins_and_super_admins(DeskPermission permission)
    {
        Assert.True(DeskAuthorizer.IsAllowed(DeskFixture.BillingAdmin, permission));
        Assert.True(DeskAuthorizer.IsAllowed(DeskFixture.SuperAdmin, permission));
        Assert.False(DeskAuthorizer.IsAllowed(DeskFixture.Finance, permission));
        Assert.False(DeskAuthorizer.IsAllowed(DeskFixture.Support, permission));
    }

    [Fact]
    public void Super_admins_hold_every_permission_and_customers_none()
    {
        Assert.Equal(Enum.GetValues<DeskPermission>().Length, DeskAuthorizer.PermissionsOf(BillingRole.SuperAdmin).Count);
        Assert.Empty(DeskAuthorizer.PermissionsOf(BillingRole.Customer));
    }

    [Fact]
    public void The_system_does_automatic_work_but_never_grants_or_approves_credit()
    {
        Assert.True(DeskAuthorizer.IsAllowed(Actor.System, DeskPermission.HandleProviderEvents));
        Assert.True(DeskAuthorizer.IsAllowed(Actor.System, DeskPermission.ManageDunning));
        Assert.False(DeskAuthorizer.IsAllowed(Actor.System, DeskPermission.IssueCredit));
        Assert.False(DeskAuthorizer.IsAllowed(Actor.System, DeskPermission.ApproveCredits));
    }

    [Fact]
    public void A_denial_says_who_tried_what_and_which_role_would_be_needed()
    {
        var denied = Assert.Throws<PermissionDeniedException>(() => DeskAuthorizer.Demand(DeskFixture.Support, DeskPermission.IssueRefund));

        Assert.Same(DeskFixture.Support, denied.Actor);
        Assert.Equal(BillingRole.Support, denied.Role);
        Assert.Equal(DeskPermission.IssueRefund, denied.Permission);
        Assert.Contains(BillingRole.Finance, denied.RolesWithPermission);
        Assert.Contains("sue.support (Support) may not IssueRefund", denied.Message, StringComparison.Ordinal);
        Assert.Contains("Finance or BillingAdmin or SuperAdmin", denied.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<BillingException>(denied);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_desk_request_without_a_reason_is_refused(string reason)
    {
        var error = Assert.Throws<ReasonRequiredException>(() => new DeskRequest(DeskFixture.Finance, DeskFixture.Tenant, reason));
        Assert.Contains("A reason is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_desk_request_keeps_the_trimmed_reason_and_needs_a_tenant()
    {
        Assert.Equal("Charged twice", new DeskRequest(DeskFixture.Finance, DeskFixture.Tenant, "  Charged twice ").Reason);
        Assert.Throws<ArgumentException>(() => new DeskRequest(DeskFixture.Finance, default, "Charged twice"));
        Assert.Throws<ReasonRequiredException>(() => new DeskRequest(DeskFixture.Finance, DeskFixture.Tenant, new string('x', DeskRequest.MaxReasonLength + 1)));
    }
}
