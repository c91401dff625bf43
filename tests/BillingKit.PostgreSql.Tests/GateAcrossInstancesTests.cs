using BillingKit.Entitlements;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.PostgreSql.Tests;

/// <summary>Two host instances' entitlement gates consuming one tenant's quota through PostgreSQL leases.</summary>
public sealed class GateAcrossInstancesTests : IAsyncLifetime
{
    private const long Limit = 1_000;
    private const long Batch = 50;
    private static readonly TenantId Tenant = TenantId.From("tenant-a");
    private Stores _one = null!;
    private Stores _two = null!;

    public async Task InitializeAsync()
    {
        _one = await Stores.PostgreSqlAsync(Configure);
        _two = _one.SecondInstance(Configure);
    }

    public async Task DisposeAsync()
    {
        await _two.DisposeAsync();
        await _one.DisposeAsync();
    }

    [Fact]
    public async Task Two_gates_consuming_in_parallel_never_allow_more_than_the_limit_together()
    {
        await _one.EntitlementService.SetPlanAsync(Tenant, PlanId.From("pro"), new LocalDate(2026, 3, 1));
        Assert.Equal(1, await _two.EntitlementService.LoadAsync());

        // All four consumers wait at the line until each has started, so a busy machine (other test projects run
        // beside this one) cannot let one instance use up the quota before the other has begun.
        using var ready = new CountdownEvent(4);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumers = new[] { _one.Gate, _one.Gate, _two.Gate, _two.Gate }
            .Select(gate => Task.Run(async () =>
            {
                ready.Signal();
                await start.Task;
                return await ConsumeUntilExceededAsync(gate);
            }))
            .ToArray();
        Assert.True(ready.Wait(TimeSpan.FromSeconds(60)), "the consumers started");
        start.SetResult();
        var allowed = await Task.WhenAll(consumers);

        Assert.InRange(allowed.Sum(), Limit - (2 * Batch), Limit);
        Assert.True(allowed[0] + allowed[1] > 0 && allowed[2] + allowed[3] > 0, "both instances got a share of the quota");
        var period = (await _one.Entitlements.GetAsync(Tenant))!.UsagePeriodAt(_one.Clock.GetCurrentInstant()).Start;
        Assert.InRange(await _one.Leases.GetLeasedAsync(new QuotaLeaseKey(Tenant, Metric.Verifications.Key, period)), allowed.Sum(), Limit);
    }

    private static void Configure(EntitlementOptions options)
    {
        options.Plans.Add(Plan.Create(PlanId.From("pro"), "Pro").WithQuota(Metric.Verifications, Limit));
        options.LeaseBatchSize = Batch;
    }

    private static async Task<long> ConsumeUntilExceededAsync(EntitlementGate gate)
    {
        long allowed = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var decision = gate.TryConsume(Tenant, Metric.Verifications, 1);
            if (decision.IsAllowed)
            {
                allowed++;
            }
            else if (decision.Reason == EntitlementReason.LeaseUnavailable)
            {
                await Task.Delay(1); // a grant is on its way from the database
            }
            else
            {
                Assert.Equal(EntitlementReason.QuotaExceeded, decision.Reason);
                return allowed;
            }
        }

        throw new TimeoutException("The gate neither allowed nor refused for a minute.");
    }
}
