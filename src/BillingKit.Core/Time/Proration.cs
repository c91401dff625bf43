using NodaTime;

namespace BillingKit;

/// <summary>
/// Shares of an amount for parts of a billing period, by days, that never lose or create a minor unit.
/// </summary>
/// <remarks>
/// The share of the days from <c>a</c> to <c>b</c> is <c>F(b) - F(a)</c>, where <c>F(d)</c> is the amount
/// times the days from the period's start to <c>d</c>, divided by the period's days and rounded toward zero
/// (<see cref="RoundingMode.Down"/>). Because the shares telescope, prorating consecutive parts that cover the
/// period sums to exactly the full amount, and each share is within one minor unit of its exact value.
/// </remarks>
public static class Proration
{
    /// <summary>Gets the share of <paramref name="amount"/> for <paramref name="part"/> of <paramref name="period"/>.</summary>
    /// <param name="amount">The amount for the whole period.</param>
    /// <param name="period">The billing period; at least one day.</param>
    /// <param name="part">The part of the period to charge or credit; must lie inside it.</param>
    /// <returns>The share, in the amount's currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is empty, or <paramref name="part"/> is not inside it.</exception>
    public static Money Share(Money amount, BillingPeriod period, BillingPeriod part)
    {
        if (period.Days == 0)
        {
            throw new ArgumentException("Cannot prorate over an empty billing period.", nameof(period));
        }

        if (!period.Covers(part))
        {
            throw new ArgumentException($"The part {part} must lie inside the billing period {period}.", nameof(part));
        }

        var units = CumulativeUnits(amount.MinorUnits, period, part.End) - CumulativeUnits(amount.MinorUnits, period, part.Start);
        return Money.FromMinorUnits(units, amount.Currency);
    }

    /// <summary>Gets the share of <paramref name="amount"/> for the days from <paramref name="from"/> to the period's end.</summary>
    /// <param name="amount">The amount for the whole period.</param>
    /// <param name="period">The billing period; at least one day.</param>
    /// <param name="from">The first day of the remainder; inside the period, or its end for nothing.</param>
    /// <returns>The share of the unused (remaining) days, as used for credits on cancellation or plan changes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is outside the period.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> is empty.</exception>
    public static Money Remaining(Money amount, BillingPeriod period, LocalDate from)
    {
        if (from < period.Start || from > period.End)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Expected a date inside the billing period {period}.");
        }

        return Share(amount, period, new BillingPeriod(from, period.End));
    }

    private static long CumulativeUnits(long total, BillingPeriod period, LocalDate date)
    {
        var elapsed = Period.DaysBetween(period.Start, date);
        return (long)(((Int128)total * elapsed) / period.Days); // Int128 division truncates toward zero.
    }
}
