using NodaTime;

namespace BillingKit;

/// <summary>
/// Billing periods laid out from an anchor date at a frequency, keeping the anchor's day of month.
/// </summary>
/// <remarks>
/// <para>Period <c>n</c> starts at the anchor plus <c>n</c> times the frequency's months, always counted from the
/// anchor, never from the previous period. When the anchor's day does not exist in a month, the period starts on
/// that month's last day and the next period goes back to the anchor's day: an anchor of January 31 gives
/// February 28 (29 in a leap year), then March 31, April 30, May 31.</para>
/// <para>Periods are end-exclusive (<see cref="BillingPeriod"/>), so consecutive periods cover a contract with no
/// gap and no overlap.</para>
/// </remarks>
public static class BillingCalendar
{
    /// <summary>Gets the start of period <paramref name="index"/> from the anchor.</summary>
    /// <param name="anchor">The anchor date, usually the subscription's start.</param>
    /// <param name="frequency">The billing frequency.</param>
    /// <param name="index">The period's index; 0 is the period that starts at the anchor. May be negative.</param>
    /// <returns>The first day of that period.</returns>
    public static LocalDate PeriodStart(LocalDate anchor, BillingFrequency frequency, int index) =>
        anchor.PlusMonths(checked(index * MonthsIn(frequency)));

    /// <summary>Gets period <paramref name="index"/> from the anchor.</summary>
    /// <param name="anchor">The anchor date.</param>
    /// <param name="frequency">The billing frequency.</param>
    /// <param name="index">The period's index; 0 is the period that starts at the anchor.</param>
    /// <returns>The period.</returns>
    public static BillingPeriod Period(LocalDate anchor, BillingFrequency frequency, int index) =>
        new(PeriodStart(anchor, frequency, index), PeriodStart(anchor, frequency, checked(index + 1)));

    /// <summary>Gets the first <paramref name="count"/> periods from the anchor.</summary>
    /// <param name="anchor">The anchor date.</param>
    /// <param name="frequency">The billing frequency.</param>
    /// <param name="count">How many periods; zero or more.</param>
    /// <returns>The periods in order; each one's end is the next one's start.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<BillingPeriod> Periods(LocalDate anchor, BillingFrequency frequency, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var periods = new BillingPeriod[count];
        for (var i = 0; i < count; i++)
        {
            periods[i] = Period(anchor, frequency, i);
        }

        return periods;
    }

    /// <summary>Gets the period, laid out from the anchor, that contains <paramref name="date"/>.</summary>
    /// <param name="anchor">The anchor date.</param>
    /// <param name="frequency">The billing frequency.</param>
    /// <param name="date">Any date, before or after the anchor.</param>
    /// <returns>The period with <c>Start &lt;= date &lt; End</c>.</returns>
    public static BillingPeriod PeriodContaining(LocalDate anchor, BillingFrequency frequency, LocalDate date)
    {
        var months = MonthsIn(frequency);
        var elapsed = NodaTime.Period.Between(anchor, date, PeriodUnits.Months).Months;
        var index = elapsed >= 0 ? elapsed / months : -((-elapsed + months - 1) / months);

        // Month arithmetic from a month-end anchor can land a step either side; settle it by walking.
        while (PeriodStart(anchor, frequency, index) > date)
        {
            index--;
        }

        while (PeriodStart(anchor, frequency, index + 1) <= date)
        {
            index++;
        }

        return Period(anchor, frequency, index);
    }

    /// <summary>Gets the number of months in one period of the frequency.</summary>
    /// <param name="frequency">The billing frequency.</param>
    /// <returns>1, 3 or 12.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is not a defined value.</exception>
    public static int MonthsIn(BillingFrequency frequency) => frequency switch
    {
        BillingFrequency.Monthly or BillingFrequency.Quarterly or BillingFrequency.Annually => (int)frequency,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Expected Monthly, Quarterly or Annually."),
    };
}
