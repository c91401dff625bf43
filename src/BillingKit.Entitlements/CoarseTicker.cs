namespace BillingKit.Entitlements;

/// <summary>
/// A process-wide copy of <see cref="Environment.TickCount64"/> that a background thread refreshes every
/// <see cref="PeriodMilliseconds"/>, so the hot path reads the time with one memory load instead of a call into the
/// operating system (which costs about as much as the rest of a check). The copy lags the tick count by at most the
/// refresh period (or the operating system's sleep granularity, if coarser: about 15.6 ms on Windows by default) plus
/// however long the thread waits to be scheduled: normally microseconds, more on a machine so overloaded that
/// runnable threads wait, and while the process is suspended or throttled as a whole.
/// </summary>
/// <remarks>The thread starts with the first gate on NodaTime's system clock and runs as a background thread for the
/// life of the process; it sleeps between refreshes (about 250 short wake-ups a second). The period is the tick
/// count's own resolution on Linux (4 ms): refreshing every millisecond measurably slowed two threads saturating both
/// cores of a 2-core machine (see docs/benchmarks.md). Slow paths (an expiry, a recalibration) read
/// <see cref="Environment.TickCount64"/> itself.</remarks>
internal static class CoarseTicker
{
    /// <summary>How often the copy is refreshed, in milliseconds.</summary>
    internal const int PeriodMilliseconds = 4;

    /// <summary>The <c>AppContext</c> switch that turns the refreshing thread off.</summary>
    internal const string DisableSwitch = "BillingKit.Entitlements.DisableBackgroundTicker";

    /// <summary>Whether the host turned the thread off; read once, so the JIT folds the hot path's branch away.</summary>
    internal static readonly bool Disabled = AppContext.TryGetSwitch(DisableSwitch, out var disabled) && disabled;

    private static readonly Lock StartLock = new();
    private static long s_milliseconds = Environment.TickCount64;
    private static Thread? s_thread;

    /// <summary>Gets the tick count as last refreshed: never ahead of <see cref="Environment.TickCount64"/>.</summary>
    internal static long Milliseconds => Read(Disabled);

    /// <summary>Gets whether the refreshing thread runs.</summary>
    internal static bool IsRunning => Volatile.Read(ref s_thread) is not null;

    /// <summary>Reads the tick count: the thread's copy, or the tick count itself when the thread is off.</summary>
    /// <param name="tickCountItself">Whether to read <see cref="Environment.TickCount64"/> itself.</param>
    /// <returns>The tick count in milliseconds, never ahead of <see cref="Environment.TickCount64"/>.</returns>
    internal static long Read(bool tickCountItself) => tickCountItself ? Environment.TickCount64 : Volatile.Read(ref s_milliseconds);

    /// <summary>Starts the refreshing thread unless it runs already or the host turned it off.</summary>
    internal static void EnsureStarted()
    {
        if (Disabled || IsRunning)
        {
            return;
        }

        lock (StartLock)
        {
            if (s_thread is not null)
            {
                return;
            }

            Volatile.Write(ref s_milliseconds, Environment.TickCount64);
            var thread = new Thread(Run) { IsBackground = true, Name = "BillingKit entitlement clock" };
            thread.Start();
            Volatile.Write(ref s_thread, thread);
        }
    }

    private static void Run()
    {
        while (true)
        {
            Volatile.Write(ref s_milliseconds, Environment.TickCount64);
            Thread.Sleep(PeriodMilliseconds);
        }
    }
}
