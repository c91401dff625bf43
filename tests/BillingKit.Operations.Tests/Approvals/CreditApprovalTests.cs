namespace BillingKit.Operations.Tests.Approvals;

public class CreditApprovalTests
{
    private static Task<CreditApprovalRequest> SubmitAsync(DeskFixture desk, Actor requester, decimal usd) =>
        desk.RunAsync("credit.issue", DeskPermission.IssueCredit, DeskFixture.Request(requester, "Goodwill for the two-day outage"), (scope, ct) =>
            desk.Get<CreditApprovals>().SubmitAsync(scope, Money.FromMajor(usd, Currency.USD), "goodwill", "inv_1001", ct));

    private static Task<CreditApprovalRequest> ApproveAsync(DeskFixture desk, Actor approver, string id) =>
        desk.RunAsync("credit.approve", DeskPermission.ApproveCredits, DeskFixture.Request(approver, "Outage confirmed by engineering"), (scope, ct) =>
            desk.Get<CreditApprovals>().ApproveAsync(scope, id, ct));

    [Fact]
    public async Task A_credit_above_finances_authority_waits_for_approval_and_says_so_in_the_audit_log()
    {
        await using var desk = DeskFixture.Create();

        var request = await SubmitAsync(desk, DeskFixture.Finance, 500m);

        Assert.Equal(CreditApprovalStatus.Pending, request.Status);
        Assert.Equal(DeskFixture.Finance, request.RequestedBy);
        Assert.Equal("Goodwill for the two-day outage", request.Reason);
        var pending = await desk.Get<CreditApprovalDesk>().ListPendingAsync(DeskFixture.BillingAdmin, DeskFixture.Tenant);
        Assert.Equal(request.Id, Assert.Single(pending).Id);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal(AuditOutcome.PendingApproval, record.Outcome);
        Assert.Equal(request.Id, record.Target);
        Assert.Equal("USD 100.00", record.Details["approval.limit"]);
    }

    [Fact]
    public async Task A_billing_admin_approves_and_gets_what_to_apply_under_a_stable_idempotency_key()
    {
        await using var desk = DeskFixture.Create();
        var request = await SubmitAsync(desk, DeskFixture.Finance, 500m);
        desk.Clock.AdvanceHours(2);

        var approved = await ApproveAsync(desk, DeskFixture.BillingAdmin, request.Id);

        Assert.Equal(CreditApprovalStatus.Approved, approved.Status);
        Assert.Equal(Money.FromMajor(500m, Currency.USD), approved.Amount);
        Assert.Equal(DeskFixture.BillingAdmin, approved.DecidedBy);
        Assert.Equal(desk.Clock.Now, approved.DecidedAt);
        Assert.Equal("Outage confirmed by engineering", approved.DecisionReason);
        Assert.Equal(IdempotencyKey.Derive("credit-approval", request.Id), approved.CreditKey);
        Assert.Empty(await desk.Get<CreditApprovalDesk>().ListPendingAsync(DeskFixture.BillingAdmin, null));
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(("credit.approve", "bea.admin", "Approved"), (record.Action, record.ActorId, record.Details["approval.status"]));
    }

    [Fact]
    public async Task Nobody_approves_their_own_request()
    {
        await using var desk = DeskFixture.Create();
        var request = await SubmitAsync(desk, DeskFixture.BillingAdmin, 5_000m);

        var error = await Assert.ThrowsAsync<CreditApprovalException>(() => ApproveAsync(desk, DeskFixture.BillingAdmin, request.Id));

        Assert.Equal(CreditApprovalFailure.SelfApproval, error.Failure);
        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task An_amount_above_the_approvers_own_authority_needs_a_higher_role()
    {
        await using var desk = DeskFixture.Create();
        var request = await SubmitAsync(desk, DeskFixture.BillingAdmin, 5_000m);

        var error = await Assert.ThrowsAsync<CreditApprovalException>(() => ApproveAsync(desk, DeskFixture.OtherBillingAdmin, request.Id));
        var approved = await ApproveAsync(desk, DeskFixture.SuperAdmin, request.Id);

        Assert.Equal(CreditApprovalFailure.AuthorityTooLow, error.Failure);
        Assert.Contains("USD 1000.00", error.Message, StringComparison.Ordinal);
        Assert.Equal(CreditApprovalStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Finance_may_not_approve_credits()
    {
        await using var desk = DeskFixture.Create();
        var request = await SubmitAsync(desk, DeskFixture.Finance, 500m);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => ApproveAsync(desk, DeskFixture.OtherFinance, request.Id));

        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task A_rejection_records_the_reason_sent_back_and_cannot_be_decided_again()
    {
        await using var desk = DeskFixture.Create();
        var request = await SubmitAsync(desk, DeskFixture.Finance, 500m);
        var approvals = desk.Get<CreditApprovalDesk>();

        var rejected = await approvals.RejectAsync(DeskFixture.Request(DeskFixture.BillingAdmin, "The outage lasted one hour; credit USD 50 instead"), request.Id);
        var again = await Assert.ThrowsAsync<CreditApprovalException>(() => ApproveAsync(desk, DeskFixture.SuperAdmin, request.Id));

        Assert.Equal(CreditApprovalStatus.Rejected, rejected.Status);
        Assert.Equal("The outage lasted one hour; credit USD 50 instead", rejected.DecisionReason);
        Assert.Equal(CreditApprovalFailure.NotPending, again.Failure);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(("credit-approval.reject", "The outage lasted one hour; credit USD 50 instead", request.Id), (record.Action, record.Reason, record.Target));
    }

    [Fact]
    public async Task An_unknown_request_is_reported_as_not_found()
    {
        await using var desk = DeskFixture.Create();

        var error = await Assert.ThrowsAsync<CreditApprovalException>(() =>
            desk.Get<CreditApprovalDesk>().RejectAsync(DeskFixture.Request(DeskFixture.BillingAdmin, "Duplicate request"), "apr_missing"));

        Assert.Equal(CreditApprovalFailure.NotFound, error.Failure);
    }

    [Fact]
    public async Task A_customer_may_not_list_approvals()
    {
        await using var desk = DeskFixture.Create();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<CreditApprovalDesk>().ListPendingAsync(DeskFixture.Customer, DeskFixture.Tenant));
    }

    [Fact]
    public async Task Submitting_a_credit_within_authority_is_a_mistake()
    {
        await using var desk = DeskFixture.Create();
        await Assert.ThrowsAsync<InvalidOperationException>(() => SubmitAsync(desk, DeskFixture.Finance, 50m));
        Assert.Empty(await desk.AuditRecordsAsync());
    }
}
