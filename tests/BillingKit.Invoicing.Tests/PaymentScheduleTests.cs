using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Invoicing.Tests;

public class PaymentScheduleTests
{
    private static Subscription Monthly89(LocalDate start, int? periods = 12, LocalDate? trialEnd = null) =>
        Subscription.Create(SubscriptionId.New(), new NewSubscription(Sample.Customer, PlanId.From("pro"), Sample.Usd(89m), BillingFrequency.Monthly, start) { ContractPeriods = periods, TrialEnd = trialEnd });

    [Fact]
    public void A_12_month_contract_from_January_1_yields_12_payments_January_1_to_December_1()
    {
        var schedule = PaymentSchedule.Generate(Monthly89(new LocalDate(2026, 1, 1)));

        Assert.Equal(12, schedule.Count);
        Assert.Equal(new LocalDate(2026, 1, 1), schedule[0].DueDate);
        Assert.Equal(new LocalDate(2026, 12, 1), schedule[^1].DueDate);
        Assert.All(schedule, p => Assert.Equal(Sample.Usd(89m), p.Amount));
        Assert.All(schedule, p => Assert.Equal(ScheduledPaymentStatus.Pending, p.Status));
        Assert.Equal(new LocalDate(2027, 1, 1), schedule[^1].Period.End);
    }

    [Fact]
    public void Month_end_anchors_are_kept()
    {
        var dues = PaymentSchedule.Generate(Monthly89(new LocalDate(2026, 1, 31), 4)).Select(p => p.DueDate);

        Assert.Equal([new LocalDate(2026, 1, 31), new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30)], dues);
    }

    [Fact]
    public void A_trial_moves_the_first_payment_to_the_trial_end()
    {
        var subscription = Monthly89(new LocalDate(2026, 1, 1), 3, trialEnd: new LocalDate(2026, 1, 15));

        Assert.Equal(SubscriptionStatus.Trial, subscription.Status);
        Assert.Equal(new LocalDate(2026, 1, 15), PaymentSchedule.Generate(subscription)[0].DueDate);
        Assert.Equal(SubscriptionStatus.Active, subscription.EndTrial().Status);
    }

    [Fact]
    public void Canceling_immediately_cancels_the_future_pending_payments()
    {
        var subscription = Monthly89(new LocalDate(2026, 1, 1));
        var schedule = PaymentSchedule.MarkPaid(PaymentSchedule.MarkPaid(PaymentSchedule.Generate(subscription), 0), 1);

        var canceled = subscription.Cancel(new LocalDate(2026, 3, 10), CancellationTiming.Immediately);
        var after = PaymentSchedule.CancelFrom(schedule, canceled.EndsOn!.Value);

        Assert.Equal(SubscriptionStatus.Canceled, canceled.Status);
        Assert.Equal([ScheduledPaymentStatus.Paid, ScheduledPaymentStatus.Paid, ScheduledPaymentStatus.Pending], after.Take(3).Select(p => p.Status));
        Assert.All(after.Skip(3), p => Assert.Equal(ScheduledPaymentStatus.Canceled, p.Status));
    }

    [Fact]
    public void Canceling_at_period_end_keeps_the_current_period()
    {
        var subscription = Monthly89(new LocalDate(2026, 1, 1));
        var canceled = subscription.Cancel(new LocalDate(2026, 3, 10), CancellationTiming.AtPeriodEnd);

        Assert.Equal(SubscriptionStatus.Active, canceled.Status);
        Assert.True(canceled.CancelAtPeriodEnd);
        Assert.Equal(new LocalDate(2026, 4, 1), canceled.EndsOn);
        Assert.Equal(3, PaymentSchedule.CancelFrom(PaymentSchedule.Generate(subscription), canceled.EndsOn!.Value).Count(p => p.Status == ScheduledPaymentStatus.Pending));
        Assert.Equal(SubscriptionStatus.Canceled, canceled.ApplyScheduledCancellation(new LocalDate(2026, 4, 1)).Status);
        Assert.Throws<SubscriptionStateException>(() => canceled.Cancel(new LocalDate(2026, 3, 11), CancellationTiming.Immediately));
    }

    [Fact]
    public void Invalid_subscription_terms_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Monthly89(new LocalDate(2026, 1, 1), 0));
        Assert.Throws<ArgumentException>(() => Monthly89(new LocalDate(2026, 1, 10), 12, trialEnd: new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Schedules_cover_a_contract_without_gaps_or_overlaps() =>
        PropertyTest.Check(Prop.ForAll(Generators.AnchorDate().ToArbitrary(), Generators.Frequency().ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (start, frequency, periods) =>
        {
            var subscription = Subscription.Create(SubscriptionId.New(), new NewSubscription(Sample.Customer, PlanId.From("p"), Sample.Usd(10m), frequency, start) { ContractPeriods = periods });
            var schedule = PaymentSchedule.Generate(subscription);
            var contractEnd = subscription.ContractEnd!.Value;
            return schedule.Count == periods
                && schedule[0].Period.Start == start
                && schedule[^1].Period.End == contractEnd
                && schedule.Zip(schedule.Skip(1)).All(pair => pair.First.Period.End == pair.Second.Period.Start)
                && schedule.All(p => p.Period.Days > 0 && p.DueDate == p.Period.Start)
                && schedule.Sum(p => p.Period.Days) == Period.DaysBetween(start, contractEnd);
        }));

    [Fact]
    public void Canceling_never_touches_paid_or_earlier_payments() =>
        PropertyTest.Check(Prop.ForAll(Generators.AnchorDate().ToArbitrary(), Gen.Choose(1, 36).ToArbitrary(), Gen.Choose(0, 1200).Two().ToArbitrary(), (start, periods, offsets) =>
        {
            var (daysIn, paidCount) = (offsets.Item1, offsets.Item2 % 37);
            var subscription = Subscription.Create(SubscriptionId.New(), new NewSubscription(Sample.Customer, PlanId.From("p"), Sample.Usd(10m), BillingFrequency.Monthly, start) { ContractPeriods = periods });
            var schedule = PaymentSchedule.Generate(subscription);
            for (var i = 0; i < Math.Min(paidCount, periods); i++)
            {
                schedule = PaymentSchedule.MarkPaid(schedule, i);
            }

            var canceled = subscription.Cancel(start.PlusDays(daysIn), CancellationTiming.Immediately);
            var after = PaymentSchedule.CancelFrom(schedule, canceled.EndsOn!.Value);
            return after.Zip(schedule).All(pair =>
                pair.Second.Status == ScheduledPaymentStatus.Paid ? pair.First.Status == ScheduledPaymentStatus.Paid
                : pair.Second.DueDate >= canceled.EndsOn ? pair.First.Status == ScheduledPaymentStatus.Canceled
                : pair.First.Status == ScheduledPaymentStatus.Pending);
        }));
}
