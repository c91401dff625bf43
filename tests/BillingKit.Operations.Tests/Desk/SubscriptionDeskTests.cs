using BillingKit.Entitlements;
using BillingKit.Invoicing;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class SubscriptionDeskTests
{
    [Fact]
    public async Task Cancelling_at_period_end_keeps_the_paid_month_and_leaves_an_audit_record()
    {
        await using var desk = Create();
        var subscription = await desk.SubscribeAsync(31m);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var result = await desk.Subscriptions.CancelAsync(Request(DeskFixture.BillingAdmin, "Customer is moving to a competitor"), subscription.Id, CancellationTiming.AtPeriodEnd, refundUnusedTime: false);

        Assert.True(result.Subscription.CancelAtPeriodEnd);
        Assert.Equal(new LocalDate(2026, 2, 1), result.Subscription.EndsOn);
        Assert.Null(result.Refund);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("subscription.cancel", record.Action);
        Assert.Equal("AtPeriodEnd", record.Details["cancellation.timing"]);
    }

    [Fact]
    public async Task Cancelling_immediately_with_a_prorated_refund_gives_back_the_unused_days()
    {
        await using var desk = Create();
        var subscription = await desk.SubscribeAsync(31m);
        var payment = await desk.PaidCardPaymentAsync("pay_jan", 31m, "ch_jan", subscription.Id);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var result = await desk.Subscriptions.CancelAsync(Request(DeskFixture.SuperAdmin, "Cancelled within the first days"), subscription.Id, CancellationTiming.Immediately, refundUnusedTime: true);

        Assert.Equal(SubscriptionStatus.Canceled, result.Subscription.Status);
        Assert.Equal(RefundOutcome.Refunded, result.Refund!.Outcome);
        Assert.Equal(Usd(21m), result.Refund.Requested);
        Assert.Equal(Usd(10m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("Refunded", record.Details["refund.outcome"]);
    }

    [Fact]
    public async Task A_comp_of_two_periods_credits_two_months_that_pay_the_next_charges()
    {
        await using var desk = Create();
        var subscription = await desk.SubscribeAsync(49m);

        var comp = await desk.Subscriptions.CompAsync(Request(DeskFixture.BillingAdmin, "Two free months for the case study"), subscription.Id, 2);

        Assert.Equal(Usd(98m), comp.Credit);
        Assert.Equal(Usd(98m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).CreditBalance);
        Assert.Equal(Usd(98m), Assert.Single(await desk.AuditRecordsAsync()).Amount);
    }

    [Fact]
    public async Task An_upgrade_now_credits_the_unused_old_plan_charges_the_new_one_and_the_entitlements_follow()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var subscription = await desk.SubscribeAsync(31m);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var result = await desk.Subscriptions.ChangePlanAsync(
            Request(DeskFixture.BillingAdmin, "Needs more seats"),
            subscription.Id,
            new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.Now));

        Assert.Equal(Usd(21m), result.Credit);
        Assert.Equal(Usd(42m), result.Charge);
        Assert.True(result.EntitlementsChanged);
        Assert.Equal(Growth.Id, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.Plan);
        Assert.Equal(new LocalDate(2026, 2, 1), result.Next.StartDate);
        Assert.Equal(Growth.Id, result.Next.PlanId);
        Assert.Equal(new LocalDate(2026, 2, 1), result.Previous.EndsOn);
        var balances = await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD);
        Assert.Equal(Usd(21m), balances.AmountDue);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("subscription.change-plan", record.Action);
        Assert.Equal("growth", record.Details["plan.to"]);
    }

    [Fact]
    public async Task A_downgrade_at_period_end_prorates_nothing_and_keeps_the_entitlements_until_then()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        await desk.Get<EntitlementService>().SetPlanAsync(Tenant, Growth.Id, new LocalDate(2026, 1, 1));
        var subscription = await desk.SubscribeAsync(62m, Growth.Id);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var result = await desk.Subscriptions.ChangePlanAsync(Request(DeskFixture.BillingAdmin, "Fewer seats"), subscription.Id, new PlanChange(Starter.Id, Usd(31m), PlanChangeTiming.AtPeriodEnd));

        Assert.True(result.Credit.IsZero);
        Assert.True(result.Charge.IsZero);
        Assert.False(result.EntitlementsChanged);
        Assert.Equal(Growth.Id, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.Plan);
        Assert.Equal(Starter.Id, result.Next.PlanId);
        Assert.Equal(0, await desk.LedgerTransactionCountAsync());
    }

    [Fact]
    public async Task Extending_a_trial_keeps_the_subscription_and_its_terms_and_bills_from_the_new_end()
    {
        await using var desk = Create();
        var trial = await desk.Get<SubscriptionService>().CreateAsync(Tenant, new NewSubscription(Customer, Starter.Id, Usd(49m), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)) { TrialEnd = new LocalDate(2026, 1, 15) });

        var extended = await desk.Subscriptions.ExtendTrialAsync(Request(DeskFixture.BillingAdmin, "Pilot needs two more weeks"), trial.Id, new LocalDate(2026, 2, 1));

        Assert.Equal(trial.Id, extended.Next.Id);
        Assert.Equal(trial.Id, extended.Previous.Id);
        Assert.Equal(new LocalDate(2026, 1, 15), extended.Previous.TrialEnd);
        Assert.Equal(SubscriptionStatus.Trial, extended.Next.Status);
        Assert.Equal(new LocalDate(2026, 2, 1), (await desk.Get<SubscriptionService>().GetAsync(Tenant, trial.Id))!.TrialEnd);
        Assert.Equal(new LocalDate(2026, 2, 1), (await desk.Get<SubscriptionService>().GetScheduleAsync(Tenant, trial.Id))[0].DueDate);
        Assert.Equal(new LocalDate(2026, 2, 1), extended.Next.TrialEnd);
        Assert.Equal(new LocalDate(2026, 2, 1), extended.Next.BillingAnchor);
        Assert.Equal(Usd(49m), extended.Next.Price);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("subscription.extend-trial", record.Action);
        Assert.Equal("2026-02-01", record.Details["trial.to"]);
        await Assert.ThrowsAsync<SubscriptionStateException>(() =>
            desk.Subscriptions.ExtendTrialAsync(Request(DeskFixture.BillingAdmin), extended.Next.Id, new LocalDate(2026, 1, 20)));
    }

    [Fact]
    public async Task A_host_can_compose_desk_actions_in_its_own_unit_and_a_unit_not_committed_writes_nothing()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var subscription = await desk.SubscribeAsync(31m);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        await using (var abandoned = await desk.BeginAsync())
        {
            await desk.Subscriptions.ChangePlanAsync(abandoned, Request(DeskFixture.BillingAdmin, "Upgrade, then changed their mind"), subscription.Id, new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.Now));
        }

        Assert.Empty(await desk.AuditRecordsAsync());
        Assert.Equal(0, await desk.LedgerTransactionCountAsync());
        Assert.Equal(Starter.Id, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.Plan);

        await using (var unit = await desk.BeginAsync())
        {
            var change = await desk.Subscriptions.ChangePlanAsync(unit, Request(DeskFixture.BillingAdmin, "Upgrade with a free month"), subscription.Id, new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.Now));
            await desk.Subscriptions.CompAsync(unit, Request(DeskFixture.BillingAdmin, "Free first month on Growth"), change.Next.Id, 1);
            await unit.CommitAsync();
        }

        Assert.Equal("subscription.change-plan,subscription.comp", string.Join(',', (await desk.AuditRecordsAsync()).Select(r => r.Action)));
        Assert.Equal(Growth.Id, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.Plan);
        Assert.Equal(Usd(41m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).CreditBalance);
    }

    [Fact]
    public async Task Finance_may_not_cancel_comp_or_change_plans_and_nothing_is_written()
    {
        await using var desk = Create();
        var subscription = await desk.SubscribeAsync(31m);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Subscriptions.CancelAsync(Request(DeskFixture.Finance), subscription.Id, CancellationTiming.Immediately, refundUnusedTime: true));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Subscriptions.CompAsync(Request(DeskFixture.Finance), subscription.Id, 1));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Subscriptions.ChangePlanAsync(Request(DeskFixture.Finance), subscription.Id, new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.Now)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Subscriptions.ExtendTrialAsync(Request(DeskFixture.Finance), subscription.Id, new LocalDate(2026, 3, 1)));

        Assert.Equal(SubscriptionStatus.Active, (await desk.Get<SubscriptionService>().GetAsync(Tenant, subscription.Id))!.Status);
        Assert.Empty(await desk.AuditRecordsAsync());
        Assert.Equal(0, await desk.LedgerTransactionCountAsync());
    }
}
