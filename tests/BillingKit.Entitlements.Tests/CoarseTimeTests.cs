using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public class CoarseTimeTests
{
    private static readonly Instant From = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public void A_snapshot_is_fresh_on_the_tick_count_until_its_expiry()
    {
        var snapshot = Snapshot(validFor: Duration.FromMilliseconds(250));
        Assert.False(snapshot.IsFreshAt(0));

        snapshot.ExtendCoarseDeadline(5_000, From.ToUnixTimeTicks());

        Assert.True(snapshot.IsFreshAt(5_249));
        Assert.False(snapshot.IsFreshAt(5_250));
    }

    [Fact]
    public void A_snapshot_is_fresh_for_at_most_one_recalibration_interval_so_a_change_of_the_wall_clock_is_seen()
    {
        var snapshot = Snapshot(validFor: Duration.FromDays(10));

        snapshot.ExtendCoarseDeadline(5_000, From.ToUnixTimeTicks());

        Assert.True(snapshot.IsFreshAt(5_000 + GateClock.RecalibrationMilliseconds - 1));
        Assert.False(snapshot.IsFreshAt(5_000 + GateClock.RecalibrationMilliseconds));
    }

    [Fact]
    public void An_expired_snapshot_is_never_fresh()
    {
        var snapshot = Snapshot(validFor: Duration.FromMilliseconds(1));

        snapshot.ExtendCoarseDeadline(5_000, (From + Duration.FromSeconds(1)).ToUnixTimeTicks());

        Assert.False(snapshot.IsFreshAt(5_000));
    }

    [Fact]
    public void With_the_background_ticker_turned_off_the_hot_path_reads_the_tick_count_itself()
    {
        var before = Environment.TickCount64;
        var read = CoarseTicker.Read(tickCountItself: true);

        Assert.InRange(read, before, Environment.TickCount64);
        Assert.Equal("BillingKit.Entitlements.DisableBackgroundTicker", CoarseTicker.DisableSwitch);
        Assert.True(CoarseTicker.Read(tickCountItself: false) <= Environment.TickCount64);
    }

    private static ResolvedEntitlements Snapshot(Duration validFor) =>
        new([], [], [], AccessLevel.Full, new Interval(From, From + Duration.FromDays(31)), From, From + validFor, next: null);
}
