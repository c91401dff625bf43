using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public sealed class ZeroAllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_hot_path_allocates_nothing(bool systemClock)
    {
        using var host = new EntitlementsHost(clock: systemClock ? SystemClock.Instance : null);
        var tenant = await host.NewTenantAsync(EntitlementsHost.Scale);
        await host.Service.SetQuotaOverrideAsync(tenant, Metric.StorageBytes, Quota.Of(1_000_000_000), "Room to consume");
        var gate = host.Gate;
        var handle = gate.GetHandle(tenant);
        var unknown = TenantId.New();

        void HotPath()
        {
            for (var i = 0; i < 1_000; i++)
            {
                handle.Check(Metric.AttestationsMint, 1);
                handle.TryConsume(Metric.Verifications, 1);
                handle.TryConsume(Metric.StorageBytes, 2);
                handle.Release(Metric.StorageBytes, 1);
                handle.IsEnabled(EntitlementsHost.Sso);
                gate.Check(tenant, Metric.AttestationsMint, 1);
                gate.TryConsume(tenant, Metric.Verifications, 1);
                gate.Release(tenant, Metric.StorageBytes, 0);
                gate.IsEnabled(tenant, EntitlementsHost.Sso);
                gate.TryConsume(unknown, Metric.Verifications, 1);
                handle.TryConsume(Metric.Verifications, -1);
            }
        }

        HotPath();
        var before = GC.GetAllocatedBytesForCurrentThread();
        HotPath();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task The_first_check_after_a_grace_allowance_expires_allocates_nothing()
    {
        using var host = new EntitlementsHost();
        var tenant = await host.NewTenantAsync();
        var handle = host.Gate.GetHandle(tenant);
        await host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 10, 1, "First");
        await host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 20, 2, "Second");
        handle.Check(Metric.AttestationsMint, 1);
        handle.Check(Metric.Verifications, 1);

        host.Clock.AdvanceHours(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var afterFirst = handle.Check(Metric.AttestationsMint, 1);
        host.Clock.AdvanceHours(1);
        var afterSecond = handle.Check(Metric.AttestationsMint, 1);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(120, afterFirst.Limit);
        Assert.Equal(100, afterSecond.Limit);
    }
}
