using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Core.Tests;

public class TimeProperties
{
    [Fact]
    public void Generated_billing_periods_cover_a_contract_without_gaps_or_overlaps() =>
        PropertyTest.Check(Prop.ForAll(Generators.AnchorDate().ToArbitrary(), Generators.Frequency().ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (anchor, frequency, count) =>
        {
            var periods = BillingCalendar.Periods(anchor, frequency, count);
            var contractEnd = anchor.PlusMonths(count * BillingCalendar.MonthsIn(frequency));
            return periods[0].Start == anchor
                && periods[^1].End == contractEnd
                && periods.Zip(periods.Skip(1)).All(pair => pair.First.End == pair.Second.Start)
                && periods.All(p => p.Days > 0)
                && periods.Sum(p => p.Days) == Period.DaysBetween(anchor, contractEnd);
        }));

    [Fact]
    public void Every_date_falls_in_exactly_the_period_that_contains_it() =>
        PropertyTest.Check(Prop.ForAll(Generators.AnchorDate().ToArbitrary(), Generators.Frequency().ToArbitrary(), Gen.Choose(-2000, 4000).ToArbitrary(), (anchor, frequency, offset) =>
        {
            var date = anchor.PlusDays(offset);
            var period = BillingCalendar.PeriodContaining(anchor, frequency, date);
            var index = Enumerable.Range(-200, 600).First(i => BillingCalendar.PeriodStart(anchor, frequency, i) == period.Start);
            return period.Contains(date) && BillingCalendar.Period(anchor, frequency, index) == period;
        }));

    [Fact]
    public void Prorating_consecutive_parts_of_a_period_sums_to_the_whole() =>
        PropertyTest.Check(Prop.ForAll(
            Generators.Amounts().ToArbitrary(),
            Generators.AnchorDate().ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 400)).ToArbitrary(),
            (amount, start, cuts) =>
            {
                var period = BillingCalendar.Period(start, BillingFrequency.Annually, 0);
                var boundaries = cuts.Select(c => start.PlusDays(c % (period.Days + 1))).Append(period.Start).Append(period.End).Distinct().Order().ToList();
                var shares = boundaries.Zip(boundaries.Skip(1)).Select(b => Proration.Share(amount, period, new BillingPeriod(b.First, b.Second))).ToList();
                var eachWithinOneUnit = boundaries.Zip(boundaries.Skip(1)).Zip(shares).All(x =>
                {
                    var exact = (Int128)amount.MinorUnits * Period.DaysBetween(x.First.First, x.First.Second);
                    return Int128.Abs(((Int128)x.Second.MinorUnits * period.Days) - exact) < period.Days;
                });
                return shares.Aggregate(BillingKit.Money.Zero(amount.Currency), (a, b) => a + b) == amount && eachWithinOneUnit;
            }));

    [Fact]
    public void Due_date_is_the_invoice_date_plus_the_term() =>
        PropertyTest.Check(Prop.ForAll(Generators.Date().ToArbitrary(), Gen.Choose(0, PaymentTerms.MaxDays).ToArbitrary(), (invoiceDate, days) =>
        {
            var terms = PaymentTerms.Net(days);
            return terms.DueDate(invoiceDate) == invoiceDate.PlusDays(days)
                && Period.DaysBetween(invoiceDate, terms.DueDate(invoiceDate)) == days
                && PaymentTerms.Parse(terms.ToString()) == terms;
        }));
}
