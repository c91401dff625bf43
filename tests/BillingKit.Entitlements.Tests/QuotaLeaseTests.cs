using BillingKit.Entitlements;
using BillingKit.TestUtilities;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public class QuotaLeaseTests
{
    private static readonly Plan Plan = Plan.Create(PlanId.From("lease"), "Lease").WithQuota(Metric.AttestationsMint, 25);

    [Fact]
    public async Task Two_instances_sharing_a_lease_store_never_exceed_the_limit_together()
    {
        var clock = FakeClock.AtNewYear2026();
        var store = new InMemoryQuotaLeaseStore();
        var config = new TenantEntitlements(TenantId.New(), Plan.Id, new LocalDate(2026, 1, 1), DateTimeZone.Utc);
        var first = Gate(clock, store, batch: 4);
        var second = Gate(clock, store, batch: 4);
        first.Apply(config);
        second.Apply(config);

        var allowed = 0;
        for (var i = 0; i < 40; i++)
        {
            allowed += first.TryConsume(config.Tenant, Metric.AttestationsMint, 1).IsAllowed ? 1 : 0;
            allowed += second.TryConsume(config.Tenant, Metric.AttestationsMint, 1).IsAllowed ? 1 : 0;
        }

        Assert.Equal(25, allowed);
        var key = new QuotaLeaseKey(config.Tenant, Metric.AttestationsMint.Key, Instant.FromUtc(2026, 1, 1, 0, 0));
        Assert.Equal(25, await store.GetLeasedAsync(key));
        Assert.Equal(EntitlementReason.QuotaExceeded, first.TryConsume(config.Tenant, Metric.AttestationsMint, 1).Reason);
    }

    [Fact]
    public async Task A_store_that_answers_later_denies_with_lease_unavailable_until_the_grant_arrives()
    {
        var clock = FakeClock.AtNewYear2026();
        var store = new SlowLeaseStore();
        var gate = Gate(clock, store, batch: 10);
        var config = new TenantEntitlements(TenantId.New(), Plan.Id, new LocalDate(2026, 1, 1), DateTimeZone.Utc);
        gate.Apply(config);

        Assert.Equal(EntitlementReason.LeaseUnavailable, gate.TryConsume(config.Tenant, Metric.AttestationsMint, 1).Reason);
        Assert.Equal(EntitlementReason.LeaseUnavailable, gate.TryConsume(config.Tenant, Metric.AttestationsMint, 1).Reason);
        store.Grant.SetResult(10);
        var decision = gate.TryConsume(config.Tenant, Metric.AttestationsMint, 10);
        for (var waited = 0; decision.Reason == EntitlementReason.LeaseUnavailable && waited < 10_000; waited += 5)
        {
            await Task.Delay(5);
            decision = gate.TryConsume(config.Tenant, Metric.AttestationsMint, 10);
        }

        Assert.True(decision.IsAllowed);
        Assert.Equal(1, store.Requests);
    }

    [Fact]
    public async Task The_in_memory_lease_store_grants_up_to_the_limit_and_takes_units_back()
    {
        var store = new InMemoryQuotaLeaseStore();
        var key = new QuotaLeaseKey(TenantId.New(), "seats", Instant.MinValue);

        Assert.Equal(7, await store.AcquireAsync(key, 7, 10));
        Assert.Equal(3, await store.AcquireAsync(key, 7, 10));
        Assert.Equal(0, await store.AcquireAsync(key, 1, 10));
        await store.ReturnAsync(key, 4);
        Assert.Equal(6, await store.GetLeasedAsync(key));
        await store.ReturnAsync(key, 100);
        Assert.Equal(0, await store.GetLeasedAsync(key));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.AcquireAsync(key, 0, 10));
    }

    private static EntitlementGate Gate(FakeClock clock, IQuotaLeaseStore store, long batch)
    {
        var options = new EntitlementOptions { LeaseBatchSize = batch };
        options.Plans.Add(Plan);
        return new EntitlementGate(clock, store, Options.Create(options));
    }

    private sealed class SlowLeaseStore : IQuotaLeaseStore
    {
        public TaskCompletionSource<long> Grant { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Requests { get; private set; }

        public ValueTask<long> AcquireAsync(QuotaLeaseKey key, long requested, long limit, CancellationToken cancellationToken = default)
        {
            Requests++;
            return new ValueTask<long>(Grant.Task);
        }

        public ValueTask ReturnAsync(QuotaLeaseKey key, long units, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<long> GetLeasedAsync(QuotaLeaseKey key, CancellationToken cancellationToken = default) => ValueTask.FromResult(0L);
    }
}
