using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Contracts;

/// <summary>The dunning, entitlement and quota-lease store contracts, run against the in-memory stores and PostgreSQL.</summary>
public abstract class DunningAndEntitlementStoreContract : StoreContract
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 3, 1, 12, 0).PlusNanoseconds(123_456_789);

    [Fact]
    public async Task A_dunning_snapshot_its_transitions_and_overrides_round_trip_exactly()
    {
        var snapshot = Snapshot(TenantA, DunningState.PastDue, Noon.Plus(Duration.FromDays(3)));
        var transition = new DunningTransition(DunningState.Active, DunningState.PastDue, TransitionCause.PaymentFailed, Noon, "card_declined");
        var record = new DunningOverrideRecord(TenantA, Noon, Clerk, "Customer promised to pay", "Forced active");
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Dunning.SaveAsync(unit, snapshot, [transition], record);
            AssertSameRecord(snapshot, await S.Dunning.GetAsync(unit));
            Assert.Null(await S.Dunning.FindAsync(TenantA));
            await unit.CommitAsync();
        }

        AssertSameRecord(snapshot, await S.Dunning.FindAsync(TenantA));
        AssertSameRecord(transition, Assert.Single(await S.Dunning.GetTransitionsAsync(TenantA)));
        AssertSameRecord(record, Assert.Single(await S.Dunning.GetOverridesAsync(TenantA)));
        Assert.Null(await S.Dunning.FindAsync(TenantB));
        Assert.Empty(await S.Dunning.GetTransitionsAsync(TenantB));
    }

    [Fact]
    public async Task The_due_query_returns_tenants_due_by_the_instant_in_due_order()
    {
        await SaveAsync(Snapshot(TenantA, DunningState.PastDue, Noon.Plus(Duration.FromHours(2))));
        await SaveAsync(Snapshot(TenantB, DunningState.PastDue, Noon.Plus(Duration.FromHours(1))));
        await SaveAsync(Snapshot(TenantId.From("tenant-c"), DunningState.Active, null));
        await SaveAsync(Snapshot(TenantId.From("tenant-d"), DunningState.PastDue, Noon.Plus(Duration.FromNanoseconds(1))));

        Assert.Equal([TenantId.From("tenant-d"), TenantB, TenantA], await S.Dunning.FindDueAsync(Noon.Plus(Duration.FromHours(2))));
        Assert.Empty(await S.Dunning.FindDueAsync(Noon));
        Assert.Equal([TenantId.From("tenant-d")], await S.Dunning.FindDueAsync(Noon.Plus(Duration.FromNanoseconds(1))));
        Assert.Equal([TenantA, TenantB, TenantId.From("tenant-d")], (await S.Dunning.ListInLifecycleAsync()).Select(s => s.Tenant));
    }

    [Fact]
    public async Task A_dunning_save_rolled_back_leaves_the_previous_snapshot()
    {
        await SaveAsync(Snapshot(TenantA, DunningState.Active, null));
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Dunning.SaveAsync(unit, Snapshot(TenantA, DunningState.Suspended, Noon), [], null);
        }

        Assert.Equal(DunningState.Active, (await S.Dunning.FindAsync(TenantA))!.State);
        Assert.Empty(await S.Dunning.GetTransitionsAsync(TenantA));
    }

    [Fact]
    public async Task Entitlements_are_discarded_on_rollback_and_committed_last_write_wins_with_the_units_commit_callbacks_after_it()
    {
        var seen = new List<TenantEntitlements>();
        var first = new TenantEntitlements(TenantA, PlanId.From("starter"), new LocalDate(2026, 1, 15), DateTimeZoneProviders.Tzdb["Europe/Paris"]);
        var second = first with
        {
            Plan = PlanId.From("growth"),
            AccessLevel = AccessLevel.Warned,
            QuotaOverrides = first.QuotaOverrides.Add(Metric.Verifications, new QuotaOverride(Metric.Verifications, Quota.Of(5_000), "Pilot", Noon)),
            GraceAllowances = first.GraceAllowances.Add(new GraceAllowance(Guid.NewGuid(), Metric.Seats, 3, Noon, Noon.Plus(Duration.FromDays(7)), "Onboarding")),
        };
        await using (var rolledBack = await S.Units.BeginAsync(TenantA))
        {
            await S.Entitlements.SaveAsync(rolledBack, first);
            rolledBack.OnCommitted(() => seen.Add(first));
        }

        Assert.Empty(seen);
        Assert.Null(await S.Entitlements.GetAsync(TenantA));
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Entitlements.SaveAsync(unit, first);
            await S.Entitlements.SaveAsync(unit, second);
            unit.OnCommitted(() => seen.Add(second));
            AssertSameRecord(second, await S.Entitlements.GetAsync(unit));
            Assert.Empty(seen);
            await unit.CommitAsync();
        }

        AssertSameRecord(second, Assert.Single(seen));
        var stored = await S.Entitlements.GetAsync(TenantA);
        AssertSameRecord(second, stored);
        Assert.Same(Metric.Verifications, stored!.QuotaOverrides.Keys.Single());
        Assert.Null(await S.Entitlements.GetAsync(TenantB));
        var listed = new List<TenantEntitlements>();
        await foreach (var config in S.Entitlements.ListAsync())
        {
            listed.Add(config);
        }

        Assert.Equal([TenantA], listed.Select(c => c.Tenant));
    }

    [Fact]
    public async Task Quota_leases_never_exceed_the_limit_and_never_go_below_zero()
    {
        var key = new QuotaLeaseKey(TenantA, Metric.Verifications.Key, Noon);
        Assert.Equal(400, await S.Leases.AcquireAsync(key, 400, 1_000));
        Assert.Equal(400, await S.Leases.AcquireAsync(key, 400, 1_000));
        Assert.Equal(200, await S.Leases.AcquireAsync(key, 400, 1_000));
        Assert.Equal(0, await S.Leases.AcquireAsync(key, 400, 1_000));
        Assert.Equal(1_000, await S.Leases.GetLeasedAsync(key));
        await S.Leases.ReturnAsync(key, 150);
        Assert.Equal(150, await S.Leases.AcquireAsync(key, 400, 1_000));
        Assert.Equal(0, await S.Leases.AcquireAsync(key, 10, 500));
        await S.Leases.ReturnAsync(key, 5_000);
        Assert.Equal(0, await S.Leases.GetLeasedAsync(key));
        Assert.Equal(0, await S.Leases.GetLeasedAsync(key with { Tenant = TenantB }));
        Assert.Equal(0, await S.Leases.GetLeasedAsync(key with { PeriodStart = Noon.Plus(Duration.FromDays(31)) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => S.Leases.AcquireAsync(key, 0, 10).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => S.Leases.ReturnAsync(key, -1).AsTask());
    }

    private static DunningSnapshot Snapshot(TenantId tenant, DunningState state, Instant? nextDue) => new()
    {
        Tenant = tenant,
        State = state,
        Mode = ContractMode.Standard,
        Access = state == DunningState.Active ? AccessLevel.Full : AccessLevel.Warned,
        EnrolledAt = Noon.Minus(Duration.FromDays(30)),
        UpdatedAt = Noon,
        PastDueSince = state == DunningState.Active ? null : Noon.Minus(Duration.FromDays(1)),
        NextDueAt = nextDue,
        NextRetryAt = nextDue,
        Grace = Duration.FromDays(3),
        LastDeclineCode = "insufficient_funds",
    };

    private async Task SaveAsync(DunningSnapshot snapshot)
    {
        await using var unit = await S.Units.BeginAsync(snapshot.Tenant);
        await S.Dunning.SaveAsync(unit, snapshot, [], null);
        await unit.CommitAsync();
    }
}

public sealed class InMemoryDunningAndEntitlementStoreTests : DunningAndEntitlementStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.InMemoryAsync();
}

public sealed class PostgreSqlDunningAndEntitlementStoreTests : DunningAndEntitlementStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.PostgreSqlAsync();
}
