using NodaTime;

namespace BillingKit.TestUtilities;

/// <summary>A clock that stands still until a test moves it. Thread-safe.</summary>
public sealed class FakeClock : IClock
{
    private long _ticks;

    public FakeClock(Instant now) => _ticks = now.ToUnixTimeTicks();

    /// <summary>A clock at 2026-01-01T00:00:00Z.</summary>
    public static FakeClock AtNewYear2026() => new(Instant.FromUtc(2026, 1, 1, 0, 0));

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public Instant Now => GetCurrentInstant();

    public void Advance(Duration duration) => Interlocked.Add(ref _ticks, duration.BclCompatibleTicks);

    public void AdvanceDays(int days) => Advance(Duration.FromDays(days));

    public void AdvanceHours(int hours) => Advance(Duration.FromHours(hours));

    public void Set(Instant now) => Interlocked.Exchange(ref _ticks, now.ToUnixTimeTicks());
}
