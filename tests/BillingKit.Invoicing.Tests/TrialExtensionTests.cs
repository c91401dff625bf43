using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Invoicing.Tests;

public class TrialExtensionTests
{
    private static readonly LocalDate NewYear = new(2026, 1, 1);

    private static NewSubscription Trial(LocalDate trialEnd, int? periods = null) =>
        new(Sample.Customer, PlanId.From("pro"), Sample.Usd(89m), BillingFrequency.Monthly, NewYear) { TrialEnd = trialEnd, ContractPeriods = periods, TaxRate = 0.1m };

    [Fact]
    public void Extending_a_trial_keeps_the_subscription_and_moves_its_billing_to_the_new_end()
    {
        var trial = Subscription.Create(SubscriptionId.From("sub_pilot"), Trial(new LocalDate(2026, 1, 15), periods: 12));

        var extended = trial.ExtendTrial(new LocalDate(2026, 2, 1));

        Assert.Equal(trial.Id, extended.Id);
        Assert.Equal(SubscriptionStatus.Trial, extended.Status);
        Assert.Equal(new LocalDate(2026, 2, 1), extended.TrialEnd);
        Assert.Equal(new LocalDate(2026, 2, 1), extended.BillingAnchor);
        Assert.Equal(new LocalDate(2027, 2, 1), extended.ContractEnd);
        Assert.Equal((trial.CustomerId, trial.PlanId, trial.Price, trial.StartDate, trial.TaxRate, trial.ContractPeriods), (extended.CustomerId, extended.PlanId, extended.Price, extended.StartDate, extended.TaxRate, extended.ContractPeriods));
        Assert.Equal(new LocalDate(2026, 1, 15), trial.TrialEnd);
    }

    [Fact]
    public void Only_a_running_trial_can_be_extended_and_only_to_a_later_end()
    {
        var trial = Subscription.Create(SubscriptionId.From("sub_pilot"), Trial(new LocalDate(2026, 1, 15)));
        var active = Subscription.Create(SubscriptionId.From("sub_paying"), new NewSubscription(Sample.Customer, PlanId.From("pro"), Sample.Usd(89m), BillingFrequency.Monthly, NewYear));

        Assert.Throws<SubscriptionStateException>(() => trial.ExtendTrial(new LocalDate(2026, 1, 15)));
        Assert.Throws<SubscriptionStateException>(() => trial.ExtendTrial(new LocalDate(2026, 1, 10)));
        Assert.Throws<SubscriptionStateException>(() => trial.EndTrial().ExtendTrial(new LocalDate(2026, 2, 1)));
        Assert.Throws<SubscriptionStateException>(() => active.ExtendTrial(new LocalDate(2026, 2, 1)));
        Assert.Throws<SubscriptionStateException>(() => trial.Cancel(NewYear, CancellationTiming.AtPeriodEnd).ExtendTrial(new LocalDate(2026, 2, 1)));
        var canceled = Assert.Throws<SubscriptionStateException>(() => trial.Cancel(NewYear, CancellationTiming.Immediately).ExtendTrial(new LocalDate(2026, 2, 1)));
        Assert.Equal(SubscriptionStatus.Canceled, canceled.Status);
    }

    [Fact]
    public async Task Extending_a_trial_through_the_service_keeps_the_id_and_lays_the_schedule_out_from_the_new_end()
    {
        using var bed = new TestBed();
        var trial = await bed.Subscriptions.CreateAsync(TestBed.Tenant, Trial(new LocalDate(2026, 1, 15), periods: 3));

        var extended = await bed.Subscriptions.ExtendTrialAsync(TestBed.Tenant, trial.Id, new LocalDate(2026, 2, 1));

        Assert.Equal(trial.Id, extended.Id);
        Assert.Equal(new LocalDate(2026, 2, 1), (await bed.Subscriptions.GetAsync(TestBed.Tenant, trial.Id))!.TrialEnd);
        var schedule = await bed.Subscriptions.GetScheduleAsync(TestBed.Tenant, trial.Id);
        Assert.Equal([new LocalDate(2026, 2, 1), new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1)], schedule.Select(p => p.DueDate));
        Assert.Equal([0, 1, 2], schedule.Select(p => p.Sequence));
        Assert.All(schedule, p => Assert.Equal(ScheduledPaymentStatus.Pending, p.Status));
        Assert.All(schedule, p => Assert.Equal(trial.Id, p.SubscriptionId));
    }

    [Fact]
    public async Task A_rolling_trial_keeps_as_many_periods_and_a_refused_extension_writes_nothing()
    {
        using var bed = new TestBed(o => o.RollingSchedulePeriods = 6);
        var trial = await bed.Subscriptions.CreateAsync(TestBed.Tenant, Trial(new LocalDate(2026, 1, 20)));

        await using (var unit = await bed.Units.BeginAsync(TestBed.Tenant))
        {
            await bed.Subscriptions.ExtendTrialAsync(unit, trial.Id, new LocalDate(2026, 2, 20));
            await unit.CommitAsync();
        }

        var schedule = await bed.Subscriptions.GetScheduleAsync(TestBed.Tenant, trial.Id);
        Assert.Equal(6, schedule.Count);
        Assert.Equal(new LocalDate(2026, 2, 20), schedule[0].DueDate);
        Assert.Equal(new LocalDate(2026, 3, 20), schedule[1].DueDate);

        await Assert.ThrowsAsync<SubscriptionStateException>(async () => await bed.Subscriptions.ExtendTrialAsync(TestBed.Tenant, trial.Id, new LocalDate(2026, 2, 1)));
        await Assert.ThrowsAsync<InvoicingNotFoundException>(async () => await bed.Subscriptions.ExtendTrialAsync(TestBed.Tenant, SubscriptionId.From("sub_missing"), new LocalDate(2026, 3, 1)));
        Assert.Equal(new LocalDate(2026, 2, 20), (await bed.Subscriptions.GetAsync(TestBed.Tenant, trial.Id))!.TrialEnd);
    }

    [Fact]
    public async Task A_trial_with_a_paid_period_is_not_moved()
    {
        using var bed = new TestBed();
        var trial = await bed.Subscriptions.CreateAsync(TestBed.Tenant, Trial(new LocalDate(2026, 1, 15), periods: 3));
        await bed.Subscriptions.MarkScheduledPaymentPaidAsync(TestBed.Tenant, trial.Id, 0);

        var refused = await Assert.ThrowsAsync<SubscriptionStateException>(async () => await bed.Subscriptions.ExtendTrialAsync(TestBed.Tenant, trial.Id, new LocalDate(2026, 2, 1)));

        Assert.Contains("already paid", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2026, 1, 15), (await bed.Subscriptions.GetAsync(TestBed.Tenant, trial.Id))!.TrialEnd);
        Assert.Equal(ScheduledPaymentStatus.Paid, (await bed.Subscriptions.GetScheduleAsync(TestBed.Tenant, trial.Id))[0].Status);
    }

    [Fact]
    public void An_extended_schedule_meets_end_to_start_from_the_new_trial_end_with_the_same_number_of_periods()
    {
        var gen =
            from trialDays in Gen.Choose(1, 60)
            from extraDays in Gen.Choose(1, 400)
            from periods in Gen.Choose(1, 24)
            from contract in Gen.Elements(true, false)
            from frequency in Gen.Elements(BillingFrequency.Monthly, BillingFrequency.Quarterly, BillingFrequency.Annually)
            select (trialDays, extraDays, periods, contract, frequency);

        PropertyTest.Check(Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var terms = new NewSubscription(Sample.Customer, PlanId.From("pro"), Sample.Usd(89m), c.frequency, NewYear)
            {
                TrialEnd = NewYear.PlusDays(c.trialDays),
                ContractPeriods = c.contract ? c.periods : null,
            };
            var trial = Subscription.Create(SubscriptionId.From("sub_p"), terms);
            var before = PaymentSchedule.Generate(trial, c.periods);
            var extended = trial.ExtendTrial(NewYear.PlusDays(c.trialDays + c.extraDays));

            var after = PaymentSchedule.RegenerateAfterTrialExtension(before, extended, 1);

            var meets = after.Zip(after.Skip(1)).All(p => p.First.Period.End == p.Second.Period.Start);
            return after.Count == before.Count
                && after[0].DueDate == extended.TrialEnd
                && meets
                && after.All(p => p.DueDate == p.Period.Start && p.Status == ScheduledPaymentStatus.Pending && p.Amount == trial.Price)
                && (extended.ContractEnd is not { } end || after[^1].Period.End == end);
        }));
    }
}
