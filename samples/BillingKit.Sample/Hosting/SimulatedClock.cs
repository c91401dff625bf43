using NodaTime;

namespace BillingKit.Sample.Hosting;

/// <summary>
/// The sample's clock: BillingKit reads time only through <see cref="IClock"/>, so the sample can play a whole
/// month in a second by moving this clock forward. It never goes backwards.
/// </summary>
internal sealed class SimulatedClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/>; an earlier instant is refused.</summary>
    public void AdvanceTo(Instant instant)
    {
        lock (_gate)
        {
            if (instant < _now)
            {
                throw new InvalidOperationException($"The simulated clock does not go backwards (now {_now}, asked for {instant}).");
            }

            _now = instant;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/>.</summary>
    public void Advance(Duration duration) => AdvanceTo(GetCurrentInstant() + duration);
}
