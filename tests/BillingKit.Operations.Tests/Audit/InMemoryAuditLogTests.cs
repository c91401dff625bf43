using BillingKit.Storage;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Audit;

public class InMemoryAuditLogTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static AuditRecord Record(int n, TenantId tenant, string actor = "fin.finance", string action = "refund.issue", Instant? at = null) =>
        new($"aud_{n:D4}", at ?? Start + Duration.FromMinutes(n), tenant, actor, BillingRole.Finance, action, "Charged twice", AuditOutcome.Succeeded);

    private static async Task AppendAsync(InMemoryAuditLog log, InMemoryUnitOfWorkFactory units, params AuditRecord[] records)
    {
        foreach (var group in records.GroupBy(r => r.Tenant))
        {
            await using var unit = await units.BeginAsync(group.Key);
            foreach (var record in group)
            {
                await log.AppendAsync(unit, record);
            }

            await unit.CommitAsync();
        }
    }

    [Fact]
    public async Task A_record_appears_when_its_unit_commits_and_never_when_it_is_discarded()
    {
        var log = new InMemoryAuditLog();
        var units = new InMemoryUnitOfWorkFactory();
        await using (var discarded = await units.BeginAsync(DeskFixture.Tenant))
        {
            await log.AppendAsync(discarded, Record(1, DeskFixture.Tenant));
        }

        Assert.Equal(0, log.Count);
        await using (var unit = await units.BeginAsync(DeskFixture.Tenant))
        {
            await log.AppendAsync(unit, Record(2, DeskFixture.Tenant));
            Assert.Equal(0, log.Count);
            await unit.CommitAsync();
        }

        var page = await log.QueryAsync(new AuditQuery { Tenant = DeskFixture.Tenant });
        Assert.Equal("aud_0002", Assert.Single(page.Records).Id);
    }

    [Fact]
    public async Task A_record_must_belong_to_the_units_tenant_and_have_a_fresh_id()
    {
        var log = new InMemoryAuditLog();
        var units = new InMemoryUnitOfWorkFactory();
        await AppendAsync(log, units, Record(1, DeskFixture.Tenant));
        await using var unit = await units.BeginAsync(DeskFixture.Tenant);

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(unit, Record(2, DeskFixture.OtherTenant)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(unit, Record(1, DeskFixture.Tenant)).AsTask());
    }

    [Fact]
    public async Task Records_are_found_by_tenant_actor_action_and_time_range_newest_first()
    {
        var log = new InMemoryAuditLog();
        await AppendAsync(
            log,
            new InMemoryUnitOfWorkFactory(),
            Record(1, DeskFixture.Tenant, "fin.finance", "refund.issue"),
            Record(2, DeskFixture.Tenant, "bea.admin", "credit.issue"),
            Record(3, DeskFixture.OtherTenant, "fin.finance", "refund.issue"),
            Record(4, DeskFixture.Tenant, "fin.finance", "refund.issue"));

        var byTenant = await log.QueryAsync(new AuditQuery { Tenant = DeskFixture.Tenant });
        var byActor = await log.QueryAsync(new AuditQuery { ActorId = "fin.finance" });
        var byAction = await log.QueryAsync(new AuditQuery { Tenant = DeskFixture.Tenant, Action = "refund.issue" });
        var byTime = await log.QueryAsync(new AuditQuery { From = Start + Duration.FromMinutes(2), Until = Start + Duration.FromMinutes(4) });

        Assert.Equal(["aud_0004", "aud_0002", "aud_0001"], byTenant.Records.Select(r => r.Id), StringComparer.Ordinal);
        Assert.Equal(["aud_0004", "aud_0003", "aud_0001"], byActor.Records.Select(r => r.Id), StringComparer.Ordinal);
        Assert.Equal(["aud_0004", "aud_0001"], byAction.Records.Select(r => r.Id), StringComparer.Ordinal);
        Assert.Equal(["aud_0003", "aud_0002"], byTime.Records.Select(r => r.Id), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_foreign_page_token_is_refused()
    {
        var log = new InMemoryAuditLog();
        await Assert.ThrowsAsync<ArgumentException>(() => log.QueryAsync(new AuditQuery { PageToken = "page-2" }).AsTask());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuditQuery { PageSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuditQuery { PageSize = AuditQuery.MaxPageSize + 1 });
    }

    [Fact]
    public void Paging_visits_every_matching_record_once_in_order() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 5)).Select(l => l.ToArray()).ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            (minutes, pageSize) =>
            {
                // Several records share a minute, so paging must break ties by the order they were appended.
                var log = new InMemoryAuditLog();
                var records = minutes.Select((m, i) => Record(i, DeskFixture.Tenant, at: Start + Duration.FromMinutes(m))).ToArray();
                AppendAsync(log, new InMemoryUnitOfWorkFactory(), records).GetAwaiter().GetResult();
                var seen = new List<AuditRecord>();
                string? token = null;
                do
                {
                    var page = log.QueryAsync(new AuditQuery { PageSize = pageSize, PageToken = token }).AsTask().GetAwaiter().GetResult();
                    seen.AddRange(page.Records);
                    token = page.NextPageToken;
                }
                while (token is not null);

                var expected = records.Select((r, i) => (r, i)).OrderByDescending(x => x.r.At).ThenByDescending(x => x.i).Select(x => x.r.Id);
                return seen.Select(r => r.Id).SequenceEqual(expected, StringComparer.Ordinal);
            }));
}
