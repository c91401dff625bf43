using BillingKit.Operations;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Contracts;

/// <summary>The desk's store contracts (audit log, credit approvals, pay-link revocations).</summary>
public abstract class OperationsStoreContract : StoreContract
{
    private static readonly Instant Morning = Instant.FromUtc(2026, 3, 2, 8, 0);

    [Fact]
    public async Task Audit_records_commit_with_their_unit_and_read_newest_first_page_by_page()
    {
        await using (var discarded = await S.Units.BeginAsync(TenantA))
        {
            await S.AuditLog.AppendAsync(discarded, Record("a-0", TenantA, Morning, "refund.issue"));
        }

        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            for (var i = 1; i <= 5; i++)
            {
                await S.AuditLog.AppendAsync(unit, Record("a-" + i, TenantA, Morning.Plus(Duration.FromMinutes(i % 3)), i % 2 == 0 ? "credit.grant" : "refund.issue"));
            }

            await Assert.ThrowsAsync<ArgumentException>(() => S.AuditLog.AppendAsync(unit, Record("a-1", TenantA, Morning, "refund.issue")).AsTask());
            await Assert.ThrowsAsync<ArgumentException>(() => S.AuditLog.AppendAsync(unit, Record("b-1", TenantB, Morning, "refund.issue")).AsTask());
            await unit.CommitAsync();
        }

        await using (var other = await S.Units.BeginAsync(TenantB))
        {
            await S.AuditLog.AppendAsync(other, Record("b-1", TenantB, Morning.Plus(Duration.FromHours(1)), "refund.issue"));
            await other.CommitAsync();
        }

        var first = await S.AuditLog.QueryAsync(new AuditQuery { Tenant = TenantA, PageSize = 2 });
        Assert.Equal(["a-5", "a-2"], first.Records.Select(r => r.Id), StringComparer.Ordinal);
        var second = await S.AuditLog.QueryAsync(new AuditQuery { Tenant = TenantA, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["a-4", "a-1"], second.Records.Select(r => r.Id), StringComparer.Ordinal);
        var last = await S.AuditLog.QueryAsync(new AuditQuery { Tenant = TenantA, PageSize = 2, PageToken = second.NextPageToken });
        Assert.Equal(["a-3"], last.Records.Select(r => r.Id), StringComparer.Ordinal);
        Assert.Null(last.NextPageToken);
        var grants = await S.AuditLog.QueryAsync(new AuditQuery { Tenant = TenantA, Action = "credit.grant", From = Morning.Plus(Duration.FromMinutes(1)), Until = Morning.Plus(Duration.FromMinutes(2)) });
        Assert.Equal(["a-4"], grants.Records.Select(r => r.Id), StringComparer.Ordinal);
        AssertSameRecord(Record("b-1", TenantB, Morning.Plus(Duration.FromHours(1)), "refund.issue"), Assert.Single((await S.AuditLog.QueryAsync(new AuditQuery { Tenant = TenantB })).Records));
        Assert.Equal(6, (await S.AuditLog.QueryAsync(new AuditQuery())).Records.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => S.AuditLog.QueryAsync(new AuditQuery { PageToken = "not-a-token" }).AsTask());
    }

    [Fact]
    public async Task Credit_approvals_are_added_pending_decided_once_and_listed_in_order()
    {
        var request = Approval("req-1", TenantA);
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.CreditApprovals.AddAsync(unit, request);
            await S.CreditApprovals.AddAsync(unit, Approval("req-2", TenantA));
            AssertSameRecord(request, await S.CreditApprovals.FindAsync(unit, "req-1"));
            await Assert.ThrowsAsync<ArgumentException>(() => S.CreditApprovals.AddAsync(unit, request).AsTask());
            await unit.CommitAsync();
        }

        var decided = request with { Status = CreditApprovalStatus.Approved, DecidedBy = new Actor("boss", BillingRole.BillingAdmin), DecidedAt = Morning, DecisionReason = "Fine" };
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.CreditApprovals.DecideAsync(unit, decided);
            await unit.CommitAsync();
        }

        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            var again = await Assert.ThrowsAsync<CreditApprovalException>(() => S.CreditApprovals.DecideAsync(unit, decided).AsTask());
            Assert.Equal(CreditApprovalFailure.NotPending, again.Failure);
            var missing = await Assert.ThrowsAsync<CreditApprovalException>(() => S.CreditApprovals.DecideAsync(unit, decided with { Id = "req-9" }).AsTask());
            Assert.Equal(CreditApprovalFailure.NotFound, missing.Failure);
        }

        Assert.Equal(["req-1", "req-2"], (await S.CreditApprovals.ListAsync(TenantA, null)).Select(r => r.Id), StringComparer.Ordinal);
        AssertSameRecord(decided, Assert.Single(await S.CreditApprovals.ListAsync(null, CreditApprovalStatus.Approved)));
        Assert.Empty(await S.CreditApprovals.ListAsync(TenantB, null));
        await using var other = await S.Units.BeginAsync(TenantB);
        Assert.Null(await S.CreditApprovals.FindAsync(other, "req-1"));
    }

    [Fact]
    public async Task Pay_link_revocations_take_effect_on_commit_for_their_tenant_only()
    {
        await using (var discarded = await S.Units.BeginAsync(TenantA))
        {
            await S.PayLinks.RevokeAsync(discarded, "link-0", Morning);
        }

        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.PayLinks.RevokeAsync(unit, "link-1", Morning);
            await S.PayLinks.RevokeAsync(unit, "link-1", Morning.Plus(Duration.FromHours(1)));
            Assert.False(await S.PayLinks.IsRevokedAsync(TenantA, "link-1"));
            await unit.CommitAsync();
        }

        Assert.True(await S.PayLinks.IsRevokedAsync(TenantA, "link-1"));
        Assert.False(await S.PayLinks.IsRevokedAsync(TenantA, "link-0"));
        Assert.False(await S.PayLinks.IsRevokedAsync(TenantB, "link-1"));
    }

    [Fact]
    public async Task Processed_provider_event_ids_are_remembered_per_tenant_only_once_committed()
    {
        await using (var discarded = await S.Units.BeginAsync(TenantA))
        {
            await S.ProcessedEvents.MarkProcessedAsync(discarded, ProviderName.Stripe, "acct_1", "evt_0", Morning);
            Assert.True(await S.ProcessedEvents.IsProcessedAsync(discarded, ProviderName.Stripe, "acct_1", "evt_0"));
        }

        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            Assert.False(await S.ProcessedEvents.IsProcessedAsync(unit, ProviderName.Stripe, "acct_1", "evt_0"));
            await S.ProcessedEvents.MarkProcessedAsync(unit, ProviderName.Stripe, "acct_1", "evt_1", Morning);
            await unit.CommitAsync();
        }

        await using var check = await S.Units.BeginAsync(TenantA);
        Assert.True(await S.ProcessedEvents.IsProcessedAsync(check, ProviderName.Stripe, "acct_1", "evt_1"));
        Assert.False(await S.ProcessedEvents.IsProcessedAsync(check, ProviderName.Stripe, "acct_2", "evt_1"));
        Assert.False(await S.ProcessedEvents.IsProcessedAsync(check, ProviderName.Paystack, "acct_1", "evt_1"));
        await using var other = await S.Units.BeginAsync(TenantB);
        Assert.False(await S.ProcessedEvents.IsProcessedAsync(other, ProviderName.Stripe, "acct_1", "evt_1"));
    }

    [Fact]
    public async Task Desk_refunds_disputes_and_tenant_accounts_round_trip_and_list_by_status()
    {
        var refund = new DeskRefund
        {
            Id = "rf_1", Tenant = TenantA, Payment = PaymentId.From("pay_1"), Provider = ProviderName.Stripe, ProviderPaymentId = "pi_1",
            Amount = Money.FromMinorUnits(2_000, Currency.USD), Status = DeskRefundStatus.Pending, IdempotencyKey = IdempotencyKey.From("refund-rf_1"),
            Reason = "Duplicate", RequestedBy = "clerk-1", RequestedAt = Morning, UpdatedAt = Morning,
        };
        var dispute = new DeskDispute
        {
            Id = "dp_1", Tenant = TenantA, Provider = ProviderName.Stripe, Account = "acct_1", ProviderPaymentId = "pi_1",
            Amount = Money.FromMinorUnits(2_000, Currency.USD), Status = DeskDisputeStatus.Open, OpenedAt = Morning, LastEventAt = Morning,
        };
        var account = new TenantAccount { Tenant = TenantA, Name = "acme corp", BillingEmail = "billing@acme.test", Currency = Currency.USD, TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] };
        var beta = new TenantAccount { Tenant = TenantB, Name = "Beta Ltd", BillingEmail = "ap@beta.test", Currency = Currency.GBP };
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Refunds.SaveAsync(unit, refund);
            await S.Refunds.SaveAsync(unit, refund with { Id = "rf_2", RequestedAt = Morning.Minus(Duration.FromHours(1)), ProviderRefundId = "re_2", Status = DeskRefundStatus.Succeeded });
            await S.Disputes.SaveAsync(unit, dispute);
            await S.TenantAccounts.SaveAsync(unit, account);
            AssertSameRecord(refund, await S.Refunds.FindAsync(unit, "rf_1"));
            Assert.Equal("rf_2", (await S.Refunds.FindByProviderRefundIdAsync(unit, "re_2"))!.Id);
            Assert.Equal(["rf_2", "rf_1"], (await S.Refunds.ListForPaymentAsync(unit, PaymentId.From("pay_1"))).Select(r => r.Id), StringComparer.Ordinal);
            AssertSameRecord(account, await S.TenantAccounts.GetAsync(unit));
            Assert.Null(await S.TenantAccounts.FindAsync(TenantA));
            await Assert.ThrowsAsync<ArgumentException>(() => S.TenantAccounts.SaveAsync(unit, beta).AsTask());
            await unit.CommitAsync();
        }

        await using (var unit = await S.Units.BeginAsync(TenantB))
        {
            await S.TenantAccounts.SaveAsync(unit, beta);
            Assert.Null(await S.Refunds.FindAsync(unit, "rf_1"));
            Assert.Null(await S.Disputes.FindAsync(unit, "dp_1"));
            await unit.CommitAsync();
        }

        Assert.Equal(["rf_1"], (await S.Refunds.ListAsync(TenantA, DeskRefundStatus.Pending)).Select(r => r.Id), StringComparer.Ordinal);
        Assert.Equal(["rf_2"], (await S.Refunds.ListAsync(null, DeskRefundStatus.Succeeded)).Select(r => r.Id), StringComparer.Ordinal);
        Assert.Empty(await S.Refunds.ListAsync(TenantB, DeskRefundStatus.Pending));
        AssertSameRecord(dispute, Assert.Single(await S.Disputes.ListAsync(null, DeskDisputeStatus.Open)));
        Assert.Empty(await S.Disputes.ListAsync(TenantA, DeskDisputeStatus.Won));
        Assert.Equal([TenantA, TenantB], (await S.TenantAccounts.ListAsync()).Select(a => a.Tenant));
        Assert.Equal([TenantB], (await S.TenantAccounts.SearchAsync("beta", 10)).Select(a => a.Tenant));
        Assert.Equal([TenantA], (await S.TenantAccounts.SearchAsync("a", 1)).Select(a => a.Tenant));
        AssertSameRecord(account, await S.TenantAccounts.FindAsync(TenantA));
    }

    [Fact]
    public async Task Scheduled_plan_changes_round_trip_are_found_by_either_subscription_and_listed_when_due_across_tenants()
    {
        var downgrade = PlanChange("spc_1", TenantA, "sub_old", "sub_new", new LocalDate(2026, 4, 1), Morning);
        var later = PlanChange("spc_2", TenantA, "sub_other", "sub_other_next", new LocalDate(2026, 5, 1), Morning);
        var beta = PlanChange("spc_3", TenantB, "sub_b", "sub_b_next", new LocalDate(2026, 3, 15), Morning.Plus(Duration.FromMinutes(5)));
        await using (var discarded = await S.Units.BeginAsync(TenantA))
        {
            await S.ScheduledPlanChanges.SaveAsync(discarded, PlanChange("spc_0", TenantA, "sub_x", "sub_y", new LocalDate(2026, 3, 1), Morning));
            Assert.NotNull(await S.ScheduledPlanChanges.FindAsync(discarded, "spc_0"));
        }

        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.ScheduledPlanChanges.SaveAsync(unit, downgrade);
            await S.ScheduledPlanChanges.SaveAsync(unit, later);
            AssertSameRecord(downgrade, await S.ScheduledPlanChanges.FindAsync(unit, "spc_1"));
            AssertSameRecord(downgrade, Assert.Single(await S.ScheduledPlanChanges.ListPendingForSubscriptionAsync(unit, SubscriptionId.From("sub_old"))));
            AssertSameRecord(downgrade, Assert.Single(await S.ScheduledPlanChanges.ListPendingForSubscriptionAsync(unit, SubscriptionId.From("sub_new"))));
            Assert.Empty(await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 12, 31)));
            await Assert.ThrowsAsync<ArgumentException>(() => S.ScheduledPlanChanges.SaveAsync(unit, beta).AsTask());
            await unit.CommitAsync();
        }

        await using (var unit = await S.Units.BeginAsync(TenantB))
        {
            await S.ScheduledPlanChanges.SaveAsync(unit, beta);
            Assert.Null(await S.ScheduledPlanChanges.FindAsync(unit, "spc_1"));
            Assert.Empty(await S.ScheduledPlanChanges.ListPendingForSubscriptionAsync(unit, SubscriptionId.From("sub_old")));
            await unit.CommitAsync();
        }

        Assert.Empty(await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 3, 14)));
        Assert.Equal(["spc_3", "spc_1"], (await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 4, 1))).Select(c => c.Id), StringComparer.Ordinal);
        Assert.Equal(["spc_3", "spc_1", "spc_2"], (await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 5, 1))).Select(c => c.Id), StringComparer.Ordinal);

        var applied = downgrade with { Status = ScheduledPlanChangeStatus.Applied, ResolvedAt = Morning.Plus(Duration.FromDays(30)) };
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.ScheduledPlanChanges.SaveAsync(unit, applied);
            Assert.Empty(await S.ScheduledPlanChanges.ListPendingForSubscriptionAsync(unit, SubscriptionId.From("sub_old")));
            Assert.Equal(3, (await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 5, 1))).Count);
            await unit.CommitAsync();
        }

        await using var check = await S.Units.BeginAsync(TenantA);
        AssertSameRecord(applied, await S.ScheduledPlanChanges.FindAsync(check, "spc_1"));
        Assert.Equal(["spc_3", "spc_2"], (await S.ScheduledPlanChanges.ListPendingDueAsync(new LocalDate(2026, 5, 1))).Select(c => c.Id), StringComparer.Ordinal);
    }

    private static ScheduledPlanChange PlanChange(string id, TenantId tenant, string subscription, string next, LocalDate effectiveOn, Instant scheduledAt) =>
        new(id, tenant, SubscriptionId.From(subscription), SubscriptionId.From(next), PlanId.From("growth"), PlanId.From("starter"), effectiveOn, scheduledAt);

    private static AuditRecord Record(string id, TenantId tenant, Instant at, string action) =>
        new(id, at, tenant, "clerk-1", BillingRole.Finance, action, "Customer asked", AuditOutcome.Succeeded)
        {
            Amount = Money.FromMinorUnits(1_250, Currency.EUR),
            Target = "pay_1",
            Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = "within-authority" },
        };

    private static CreditApprovalRequest Approval(string id, TenantId tenant) => new()
    {
        Id = id,
        Tenant = tenant,
        Amount = Money.FromMinorUnits(50_000, Currency.USD),
        Kind = "goodwill",
        Reason = "Outage on March 1",
        RequestedBy = Clerk,
        RequestedAt = Morning,
    };
}

public sealed class InMemoryOperationsStoreTests : OperationsStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.InMemoryAsync();
}

public sealed class PostgreSqlOperationsStoreTests : OperationsStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.PostgreSqlAsync();
}
