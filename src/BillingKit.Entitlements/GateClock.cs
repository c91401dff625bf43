using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// The gate's time source. With NodaTime's <see cref="SystemClock"/> it derives the instant from
/// <see cref="Environment.TickCount64"/> (a few nanoseconds) calibrated against the clock every second, so an
/// instant can lag by at most the resolution of <see cref="Environment.TickCount64"/> (1 to 16 ms depending on the
/// operating system) plus the clocks' drift within a second. It also starts the <see cref="CoarseTicker"/>, whose copy
/// of the tick count the handles compare with each snapshot's deadline on the hot path (see
/// <see cref="ResolvedEntitlements.IsFreshAt"/>). Any other <see cref="IClock"/> (a test's fake clock) is read on
/// every call and honoured exactly.
/// </summary>
internal sealed class GateClock
{
    /// <summary>How often the tick count is recalibrated against the clock, in milliseconds.</summary>
    internal const long RecalibrationMilliseconds = 1000;

    /// <summary>Ticks (100 ns) in a millisecond.</summary>
    internal const long TicksPerMillisecond = 10_000;

    private readonly IClock _clock;
    private readonly bool _coarse;
    private long _offsetTicks;
    private long _calibratedAtMilliseconds;

    internal GateClock(IClock clock)
    {
        _clock = clock;
        _coarse = clock is SystemClock;
        if (_coarse)
        {
            Recalibrate(Environment.TickCount64);
            CoarseTicker.EnsureStarted();
        }
    }

    /// <summary>Gets whether the instant comes from the tick count rather than from the clock on every call.</summary>
    internal bool IsCoarse => _coarse;

    /// <summary>Gets the current instant as ticks (100 ns) since the Unix epoch.</summary>
    /// <returns>The ticks.</returns>
    internal long NowTicks() => _coarse ? NowTicks(Environment.TickCount64) : _clock.GetCurrentInstant().ToUnixTimeTicks();

    /// <summary>Gets the instant at a tick count just read, as ticks (100 ns) since the Unix epoch; only for a coarse
    /// clock.</summary>
    /// <param name="milliseconds">The value of <see cref="Environment.TickCount64"/> just read.</param>
    /// <returns>The ticks.</returns>
    internal long NowTicks(long milliseconds)
    {
        if (milliseconds - Volatile.Read(ref _calibratedAtMilliseconds) >= RecalibrationMilliseconds)
        {
            return Recalibrate(milliseconds);
        }

        return unchecked((milliseconds * TicksPerMillisecond) + Volatile.Read(ref _offsetTicks));
    }

    /// <summary>Gets the current instant.</summary>
    /// <returns>The instant.</returns>
    internal Instant Now() => Instant.FromUnixTimeTicks(NowTicks());

    private long Recalibrate(long milliseconds)
    {
        var now = _clock.GetCurrentInstant().ToUnixTimeTicks();
        Volatile.Write(ref _offsetTicks, unchecked(now - (milliseconds * TicksPerMillisecond)));
        Volatile.Write(ref _calibratedAtMilliseconds, milliseconds);
        return now;
    }
}
