using BillingKit.Entitlements;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void Entitlements_work_with_only_core_and_registering_twice_is_harmless()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddEntitlements(o => o.Plans.Add(EntitlementsHost.Starter)).AddEntitlements();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(provider.GetRequiredService<EntitlementGate>(), provider.GetRequiredService<EntitlementGate>());
        Assert.IsType<InMemoryEntitlementStore>(provider.GetRequiredService<IEntitlementStore>());
        Assert.IsType<InMemoryQuotaLeaseStore>(provider.GetRequiredService<IQuotaLeaseStore>());
        Assert.IsType<InMemoryUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
        Assert.NotNull(provider.GetRequiredService<EntitlementService>());
        Assert.Single(provider.GetServices<IValidateOptions<EntitlementOptions>>());
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_reason()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddEntitlements(o =>
        {
            o.Plans.Add(EntitlementsHost.Starter);
            o.Plans.Add(EntitlementsHost.Starter);
            o.LimitedMetrics.Add("Not A Key");
            o.LeaseBatchSize = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EntitlementGate>());

        Assert.Contains(error.Failures, f => f.Contains("registered twice", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Not A Key", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("lease batch size", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gate_on_the_system_clock_reads_time_from_the_tick_count_and_any_other_clock_exactly()
    {
        Assert.True(new GateClock(SystemClock.Instance).IsCoarse);
        var fake = TestUtilities.FakeClock.AtNewYear2026();
        var exact = new GateClock(fake);
        Assert.False(exact.IsCoarse);
        fake.Advance(Duration.FromTicks(1));
        Assert.Equal(fake.Now, exact.Now());

        var coarse = new GateClock(SystemClock.Instance);
        var drift = coarse.Now() - SystemClock.Instance.GetCurrentInstant();
        Assert.True(drift < Duration.FromMilliseconds(100) && drift > Duration.FromMilliseconds(-100), $"The tick-derived instant is {drift} away from the clock.");
    }

    [Fact]
    public void A_gate_on_the_system_clock_starts_the_ticker_whose_copy_of_the_tick_count_follows_it_and_never_runs_ahead()
    {
        _ = new GateClock(SystemClock.Instance);
        Assert.True(CoarseTicker.IsRunning);

        var before = Environment.TickCount64;
        Assert.True(SpinWait.SpinUntil(() => CoarseTicker.Milliseconds > before, TimeSpan.FromSeconds(30)), "The ticker's copy never moved past the tick count read before.");
        for (var i = 0; i < 1_000; i++)
        {
            var copy = CoarseTicker.Milliseconds;
            Assert.True(copy <= Environment.TickCount64, "The ticker's copy ran ahead of the tick count.");
        }
    }
}

public class TenantIdComparerTests
{
    [Fact]
    public void Equal_ids_hash_alike_and_different_ids_compare_unequal() =>
        TestUtilities.PropertyTest.Check(FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.ArbMap.Default.ArbFor<FsCheck.NonEmptyString>(),
            text =>
            {
                var value = new string(text.Get.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Take(128).ToArray());
                if (!TenantId.TryFrom(value, out var id))
                {
                    return true;
                }

                var copy = TenantId.From(new string(value.AsSpan()));
                var other = TenantId.From(value + "x");
                var comparer = TenantIdComparer.Instance;
                return comparer.Equals(id, copy) && comparer.GetHashCode(id) == comparer.GetHashCode(copy) && !comparer.Equals(id, other);
            }));

    [Fact]
    public void The_default_id_hashes_without_failing() =>
        Assert.Equal(TenantIdComparer.Instance.GetHashCode(default), TenantIdComparer.Instance.GetHashCode(default));
}
