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
