using NodaTime;

namespace BillingKit;

/// <summary>
/// A run of billing dates from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), such as
/// January 1 to February 1 for the January period.
/// </summary>
/// <remarks>
/// The exclusive end makes consecutive periods meet without a gap or an overlap: one period's end is the next
/// one's start. <see cref="ToDateInterval"/> gives the inclusive NodaTime form (January 1 to January 31).
/// <c>default(BillingPeriod)</c> is the empty period at 0001-01-01.
/// </remarks>
public readonly record struct BillingPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="start">The first day of the period.</param>
    /// <param name="end">The day after the last day of the period; not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public BillingPeriod(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"A billing period's end must not be before its start ({start:uuuu-MM-dd}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the first day of the period (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the day after the last day of the period (exclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the number of days in the period.</summary>
    public int Days => Period.DaysBetween(Start, End);

    /// <summary>Tells whether a date falls in the period.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> &lt;= <paramref name="date"/> &lt; <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => date >= Start && date < End;

    /// <summary>Tells whether <paramref name="other"/> lies wholly inside this period.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> when it starts on or after this start and ends on or before this end.</returns>
    public bool Covers(BillingPeriod other) => other.Start >= Start && other.End <= End;

    /// <summary>Gets the period as an inclusive NodaTime interval (January 1 to January 31).</summary>
    /// <returns>The inclusive interval.</returns>
    /// <exception cref="InvalidOperationException">The period is empty.</exception>
    public DateInterval ToDateInterval() =>
        Days > 0 ? new DateInterval(Start, End.PlusDays(-1)) : throw new InvalidOperationException("An empty billing period has no inclusive interval.");

    /// <summary>Returns the period as "2026-01-01..2026-02-01" (end exclusive).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Start:uuuu-MM-dd}..{End:uuuu-MM-dd}";
}
