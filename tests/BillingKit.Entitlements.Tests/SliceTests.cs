using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

/// <summary>Per-core slices of a tenant's quota: what contention switches on so that threads consuming the same
/// tenant do not fight over one counter. Each test switches them on the way contention would.</summary>
public sealed class SliceTests : IDisposable
{
    private readonly EntitlementsHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Usage_and_checks_count_only_consumed_units_not_those_waiting_in_slices()
    {
        var tenant = await _host.NewTenantAsync();
        var handle = _host.Gate.GetHandle(tenant);
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(100_000), "Room for slices");
        handle.SwitchOnSlices();

        var first = handle.TryConsume(Metric.AttestationsMint, 3);

        Assert.True(first.IsAllowed);
        Assert.True(handle.SlicesOn);
        Assert.Equal(3, handle.GetUsage(Metric.AttestationsMint));
        var check = handle.Check(Metric.AttestationsMint, 10);
        Assert.True(check.IsAllowed);
        Assert.Equal(100_000 - 13, check.Remaining);
        Assert.Equal(3, _host.Service.Explain(tenant, Metric.AttestationsMint).Usage);
    }

    [Fact]
    public async Task Units_waiting_in_slices_are_given_back_when_the_limit_is_lowered()
    {
        var tenant = await _host.NewTenantAsync();
        var handle = _host.Gate.GetHandle(tenant);
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(100_000), "Room for slices");
        handle.SwitchOnSlices();
        Assert.True(handle.TryConsume(Metric.AttestationsMint, 10).IsAllowed); // the refill leaves a batch in this core's slice

        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(25), "Lowered");
        var allowed = 0;
        while (handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
        {
            allowed++;
        }

        Assert.Equal(15, allowed);
        Assert.Equal(25, handle.GetUsage(Metric.AttestationsMint));
        Assert.Equal(0, handle.Check(Metric.AttestationsMint, 1).Remaining);
    }

    [Fact]
    public async Task Slices_never_hold_grace_units_so_usage_stays_within_the_limit_after_the_grace_expires()
    {
        var tenant = await _host.NewTenantAsync(); // Starter: 100 mints
        var handle = _host.Gate.GetHandle(tenant);
        await _host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 50, 1, "Launch week");
        handle.SwitchOnSlices();
        for (var i = 0; i < 60; i++)
        {
            Assert.True(handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed);
        }

        _host.Clock.AdvanceHours(1);
        var allowed = 0;
        while (handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
        {
            allowed++;
        }

        Assert.Equal(40, allowed);
        Assert.Equal(100, handle.GetUsage(Metric.AttestationsMint));
    }

    [Fact]
    public async Task A_grace_allowance_is_spent_through_the_exact_path_once_the_plan_limit_is_reached()
    {
        var tenant = await _host.NewTenantAsync(); // Starter: 100 mints
        var handle = _host.Gate.GetHandle(tenant);
        await _host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 50, 1, "Launch week");
        handle.SwitchOnSlices();

        var allowed = 0;
        while (handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
        {
            allowed++;
        }

        Assert.Equal(150, allowed);
        Assert.Equal(150, handle.GetUsage(Metric.AttestationsMint));
    }

    [Fact]
    public async Task Blocking_a_tenant_stops_consumption_from_slices_at_once()
    {
        var tenant = await _host.NewTenantAsync(EntitlementsHost.Scale);
        var handle = _host.Gate.GetHandle(tenant);
        handle.SwitchOnSlices();
        Assert.True(handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed);

        await _host.Service.SetAccessLevelAsync(tenant, AccessLevel.Blocked);

        var denied = handle.TryConsume(Metric.AttestationsMint, 1);
        Assert.False(denied.IsAllowed);
        Assert.Equal(EntitlementReason.AccessBlocked, denied.Reason);
        Assert.Equal(1, handle.GetUsage(Metric.AttestationsMint));
    }

    [Fact]
    public async Task A_new_usage_period_starts_from_zero_without_the_old_periods_slices()
    {
        var tenant = await _host.NewTenantAsync(); // Starter: 1,000 verifications, periods from January 1
        var handle = _host.Gate.GetHandle(tenant);
        handle.SwitchOnSlices();
        Assert.True(handle.TryConsume(Metric.Verifications, 7).IsAllowed);

        _host.Clock.AdvanceDays(31);

        Assert.Equal(0, handle.GetUsage(Metric.Verifications));
        Assert.Equal(1_000, handle.Check(Metric.Verifications, 0).Remaining);
    }

    [Fact]
    public async Task Threads_consuming_through_slices_never_exceed_the_limit_and_end_exactly_at_it()
    {
        const long Limit = 100_003;
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(Limit), "Stress");
        var handle = _host.Gate.GetHandle(tenant);
        handle.SwitchOnSlices();
        var threads = Math.Max(4, Environment.ProcessorCount);
        var allowed = new long[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var n = 0;
                while (true)
                {
                    // Mixed amounts until even one unit is refused.
                    var amount = 1 + (n++ % 3);
                    if (handle.TryConsume(Metric.AttestationsMint, amount).IsAllowed)
                    {
                        allowed[i] += amount;
                    }
                    else if (!handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
                    {
                        return;
                    }
                    else
                    {
                        allowed[i]++;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        Assert.True(handle.SlicesOn);
        Assert.Equal(Limit, allowed.Sum());
        Assert.Equal(Limit, handle.GetUsage(Metric.AttestationsMint));
        Assert.Equal(0, handle.Check(Metric.AttestationsMint, 1).Remaining);
    }

    [Fact]
    public async Task Lowering_the_limit_while_threads_consume_through_slices_stops_usage_exactly_at_the_new_limit()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(1_000_000_000), "Stress");
        var handle = _host.Gate.GetHandle(tenant);
        handle.SwitchOnSlices();
        var consumers = 3;
        var allowed = new long[consumers];
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, consumers).Select(i => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
                    {
                        allowed[i]++;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        while (handle.GetUsage(Metric.AttestationsMint) < 10_000)
        {
            await Task.Delay(1);
        }

        // Far enough above the usage now that the threads are still consuming when the change lands.
        var lowered = handle.GetUsage(Metric.AttestationsMint) + 5_000_000;
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(lowered), "Lowered");
        while (handle.Check(Metric.AttestationsMint, 1).IsAllowed)
        {
            await Task.Delay(1);
        }

        await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(lowered, allowed.Sum());
        Assert.Equal(lowered, handle.GetUsage(Metric.AttestationsMint));
    }
}
