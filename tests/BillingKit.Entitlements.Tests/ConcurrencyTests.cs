using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly EntitlementsHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Threads_consuming_one_tenants_quota_in_a_tight_loop_end_exactly_at_the_limit()
    {
        const long Limit = 200_000;
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(Limit), "Stress");
        var handle = _host.Gate.GetHandle(tenant);
        var threads = Math.Max(4, Environment.ProcessorCount);
        var allowed = new long[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (handle.TryConsume(Metric.AttestationsMint, 1).IsAllowed)
                {
                    allowed[i]++;
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(Limit, allowed.Sum());
        Assert.Equal(Limit, handle.GetUsage(Metric.AttestationsMint));
        Assert.Equal(0, handle.Check(Metric.AttestationsMint, 1).Remaining);
    }

    [Fact]
    public async Task Admin_changes_while_threads_consume_lose_no_usage()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.Verifications, Quota.Of(10_000_000), "Stress");
        var handle = _host.Gate.GetHandle(tenant);
        var consumers = 3;
        var allowed = new long[consumers];
        var crossed = _host.Clock.Now + Duration.FromDays(70); // at least two usage periods ahead
        using var done = new CancellationTokenSource();

        var workers = Enumerable.Range(0, consumers).Select(i => Task.Factory.StartNew(
            () =>
            {
                for (var n = 0; n < 100_000; n++)
                {
                    if (handle.TryConsume(Metric.Verifications, 1 + (n % 3)).IsAllowed)
                    {
                        allowed[i] += 1 + (n % 3);
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        var admin = Task.Run(async () =>
        {
            var round = 0;
            while (!workers.All(w => w.IsCompleted))
            {
                await _host.Service.SetPlanAsync(tenant, (round % 2 == 0 ? EntitlementsHost.Scale : EntitlementsHost.Starter).Id, new LocalDate(2026, 1, 1));
                await _host.Service.SetAccessLevelAsync(tenant, round % 3 == 0 ? AccessLevel.Warned : AccessLevel.Full);
                await _host.Service.GrantGraceAsync(tenant, Metric.Verifications, 10, 1, "Churn");
                round++;
            }
        });
        await Task.WhenAll(workers);
        await admin;

        Assert.Equal(allowed.Sum(), handle.GetUsage(Metric.Verifications));
        Assert.Equal(3 * 199_999, allowed.Sum());
    }

    [Fact]
    public async Task Gauges_keep_every_unit_when_usage_periods_roll_over_under_load()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.StorageBytes, Quota.Unlimited, "Stress");
        var handle = _host.Gate.GetHandle(tenant);
        var consumers = 3;
        var allowed = new long[consumers];
        var crossed = _host.Clock.Now + Duration.FromDays(70); // at least two usage periods ahead
        var workers = Enumerable.Range(0, consumers).Select(i => Task.Factory.StartNew(
            () =>
            {
                // Keep consuming until the clock has crossed the periods, so the roll-overs happen under load.
                for (var n = 0; n < 200_000 || _host.Clock.Now < crossed; n++)
                {
                    if (handle.TryConsume(Metric.StorageBytes, 2).IsAllowed)
                    {
                        allowed[i] += 2;
                    }

                    if (n % 2 == 0 && handle.Release(Metric.StorageBytes, 1).IsAllowed)
                    {
                        allowed[i] -= 1;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        while (_host.Clock.Now < crossed)
        {
            _host.Clock.AdvanceDays(10);
            await Task.Delay(1);
        }

        await Task.WhenAll(workers);

        Assert.Equal(allowed.Sum(), handle.GetUsage(Metric.StorageBytes));
        Assert.True(_host.Clock.Now > Instant.FromUtc(2026, 2, 1, 0, 0), "The clock should have crossed at least one usage period.");
    }
}
