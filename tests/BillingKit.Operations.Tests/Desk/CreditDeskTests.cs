using BillingKit.Ledger;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class CreditDeskTests
{
    [Fact]
    public async Task A_credit_within_finance_authority_is_applied_to_the_credit_balance()
    {
        await using var desk = Create();

        var result = await desk.Credits.IssueCreditAsync(Request(DeskFixture.Finance, "Goodwill for the outage on 3 January"), Usd(80m), CreditKind.Goodwill);

        Assert.Equal(CreditOutcome.Applied, result.Outcome);
        Assert.NotNull(result.Transaction);
        var balances = await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD);
        Assert.Equal(Usd(80m), balances.CreditBalance);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("credit.issue", record.Action);
        Assert.Equal(Usd(80m), record.Amount);
        Assert.Equal("Goodwill", record.Details["credit.kind"]);
        Assert.Equal(AuditOutcome.Succeeded, record.Outcome);
    }

    [Fact]
    public async Task A_credit_above_finance_authority_waits_for_approval_and_is_applied_when_an_admin_approves()
    {
        await using var desk = Create();

        var pending = await desk.Credits.IssueCreditAsync(Request(DeskFixture.Finance, "Promised discount"), Usd(400m), CreditKind.Promotional);

        Assert.Equal(CreditOutcome.PendingApproval, pending.Outcome);
        Assert.Null(pending.Transaction);
        Assert.Equal(0, await desk.LedgerTransactionCountAsync());

        var approved = await desk.Credits.ApproveCreditAsync(Request(DeskFixture.BillingAdmin, "Agreed with the account manager"), pending.Approval!.Id);

        Assert.Equal(CreditOutcome.Applied, approved.Outcome);
        Assert.Equal(CreditApprovalStatus.Approved, approved.Approval!.Status);
        var balances = await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD);
        Assert.Equal(Usd(400m), balances.CreditBalance);
        Assert.Equal(CreditKind.Promotional, approved.Transaction!.CreditKind);
        var records = await desk.AuditRecordsAsync();
        Assert.Equal("credit.issue,credit-approval.approve", string.Join(',', records.Select(r => r.Action)));
        Assert.Equal(AuditOutcome.PendingApproval, records[0].Outcome);
        Assert.Equal(DeskFixture.BillingAdmin.Id, records[1].ActorId);
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_credit_and_nothing_is_applied()
    {
        await using var desk = Create();
        var pending = await desk.Credits.IssueCreditAsync(Request(DeskFixture.BillingAdmin, "Big goodwill"), Usd(5_000m), CreditKind.Goodwill);

        await Assert.ThrowsAsync<CreditApprovalException>(() =>
            desk.Credits.ApproveCreditAsync(Request(DeskFixture.BillingAdmin, "Approving myself"), pending.Approval!.Id));

        Assert.Equal(0, await desk.LedgerTransactionCountAsync());
        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task Support_may_not_issue_credits_and_finance_may_not_approve_them()
    {
        await using var desk = Create();
        var pending = await desk.Credits.IssueCreditAsync(Request(DeskFixture.Finance, "Promised discount"), Usd(400m), CreditKind.Promotional);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Credits.IssueCreditAsync(Request(DeskFixture.Support), Usd(5m), CreditKind.Goodwill));
        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Credits.ApproveCreditAsync(Request(DeskFixture.OtherFinance), pending.Approval!.Id));

        Assert.Equal(DeskPermission.ApproveCredits, denied.Permission);
        Assert.Equal(0, await desk.LedgerTransactionCountAsync());
        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task A_retried_credit_with_the_same_correlation_id_is_applied_once()
    {
        await using var desk = Create();

        await desk.Credits.IssueCreditAsync(Request(DeskFixture.Finance, "Goodwill", "ticket-4711"), Usd(25m), CreditKind.Goodwill);
        await desk.Credits.IssueCreditAsync(Request(DeskFixture.Finance, "Goodwill", "ticket-4711"), Usd(25m), CreditKind.Goodwill);

        Assert.Equal(Usd(25m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).CreditBalance);
        Assert.Equal(1, await desk.LedgerTransactionCountAsync());
    }
}
