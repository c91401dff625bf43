using NodaTime;

namespace BillingKit.Core.Tests;

public class BillingCalendarTests
{
    [Fact]
    public void A_January_31_anchor_keeps_the_month_end()
    {
        var starts = BillingCalendar.Periods(new LocalDate(2024, 1, 31), BillingFrequency.Monthly, 4).Select(p => p.Start);

        Assert.Equal([new LocalDate(2024, 1, 31), new LocalDate(2024, 2, 29), new LocalDate(2024, 3, 31), new LocalDate(2024, 4, 30)], starts);
        Assert.Equal(new LocalDate(2025, 2, 28), BillingCalendar.PeriodStart(new LocalDate(2025, 1, 31), BillingFrequency.Monthly, 1));
    }

    [Fact]
    public void Quarterly_and_annual_periods_step_by_three_and_twelve_months()
    {
        Assert.Equal(new BillingPeriod(new LocalDate(2026, 4, 1), new LocalDate(2026, 7, 1)), BillingCalendar.Period(new LocalDate(2026, 1, 1), BillingFrequency.Quarterly, 1));
        Assert.Equal(new BillingPeriod(new LocalDate(2027, 1, 1), new LocalDate(2028, 1, 1)), BillingCalendar.Period(new LocalDate(2026, 1, 1), BillingFrequency.Annually, 1));
    }

    [Fact]
    public void Finds_the_period_containing_a_date_before_or_after_the_anchor()
    {
        var anchor = new LocalDate(2026, 1, 31);

        Assert.Equal(new LocalDate(2026, 2, 28), BillingCalendar.PeriodContaining(anchor, BillingFrequency.Monthly, new LocalDate(2026, 3, 30)).Start);
        Assert.Equal(new LocalDate(2025, 12, 31), BillingCalendar.PeriodContaining(anchor, BillingFrequency.Monthly, new LocalDate(2026, 1, 30)).Start);
    }

    [Fact]
    public void Periods_are_end_exclusive()
    {
        var january = BillingCalendar.Period(new LocalDate(2026, 1, 1), BillingFrequency.Monthly, 0);

        Assert.Equal(31, january.Days);
        Assert.True(january.Contains(new LocalDate(2026, 1, 31)));
        Assert.False(january.Contains(new LocalDate(2026, 2, 1)));
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)), january.ToDateInterval());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingPeriod(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Proration_credits_the_unused_days()
    {
        var april = BillingCalendar.Period(new LocalDate(2026, 4, 1), BillingFrequency.Monthly, 0);
        var price = BillingKit.Money.FromMajor(30.00m, Currency.USD);

        Assert.Equal(BillingKit.Money.FromMajor(15.00m, Currency.USD), Proration.Remaining(price, april, new LocalDate(2026, 4, 16)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proration.Remaining(price, april, new LocalDate(2026, 5, 2)));
    }
}
