using NodaTime;

namespace BillingKit.Dunning.Tests;

public class DunningScenarioTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    [Fact]
    public async Task A_card_failing_with_insufficient_funds_is_retried_three_times_over_two_weeks_then_degrades_restricts_and_suspends()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;

        var first = await desk.Fail(Acme, "insufficient_funds");
        Assert.Equal(DunningState.PastDue, first.Snapshot.State);
        Assert.Equal(AccessLevel.Warned, first.Snapshot.Access);
        Assert.Contains(new NotifyTenant(DunningTemplates.TopUpFunds), first.Effects);
        Assert.Contains(new ScheduleRetry(start + Duration.FromDays(3), 2), first.Effects);
        Assert.Contains(new ChangeAccessLevel(AccessLevel.Full, AccessLevel.Warned), first.Effects);

        var charges = new List<AttemptCharge>();
        foreach (var (day, expected) in new[] { (3, DunningState.PastDue), (7, DunningState.Degraded), (14, DunningState.Restricted) })
        {
            desk.Clock.Set(start + Duration.FromDays(day));
            var run = Assert.Single(await desk.RunProcessor());
            var charge = Assert.Single(run.Effects.OfType<AttemptCharge>());
            charges.Add(charge);
            Assert.Equal(expected, run.Snapshot.State);
            await desk.Fail(Acme, "insufficient_funds", charge.AttemptNumber);
            Assert.Empty(await desk.RunProcessor()); // running again at the same instant changes nothing
        }

        Assert.Equal([2, 3, 4], charges.Select(c => c.AttemptNumber));
        Assert.Equal(3, charges.Select(c => c.IdempotencyKey).Distinct().Count());
        var exhausted = await desk.Service.GetAsync(Acme);
        Assert.True(exhausted.RetriesExhausted);
        Assert.Null(exhausted.NextRetryAt);
        Assert.Equal((DunningNextAction.Suspend, (Instant?)(start + Duration.FromDays(21))), DunningMachine.NextStep(exhausted));

        desk.Clock.Set(start + Duration.FromDays(21));
        var suspension = Assert.Single(await desk.RunProcessor());
        Assert.Equal(DunningState.Suspended, suspension.Snapshot.State);
        Assert.Equal(AccessLevel.Blocked, suspension.Snapshot.Access);
        Assert.Contains(new NotifyTenant(DunningTemplates.Suspended), suspension.Effects);
        Assert.Empty(suspension.Effects.OfType<AttemptCharge>());

        var history = await desk.Service.GetTransitionsAsync(Acme);
        Assert.Equal(
            [(DunningState.Active, DunningState.PastDue, TransitionCause.PaymentFailed),
             (DunningState.PastDue, DunningState.Degraded, TransitionCause.DaysPastDue),
             (DunningState.Degraded, DunningState.Restricted, TransitionCause.DaysPastDue),
             (DunningState.Restricted, DunningState.Suspended, TransitionCause.DaysPastDue)],
            history.Select(t => (t.From, t.To, t.Cause)));

        var row = Assert.Single(await desk.Service.GetFailuresAndSuspensionsAsync());
        Assert.Equal((Acme, DunningState.Suspended, 21, ContractMode.Standard, DunningNextAction.AwaitPayment), (row.Tenant, row.State, row.DaysPastDue, row.Mode, row.NextAction));

        var paid = await desk.Pay(Acme);
        Assert.Equal(DunningState.Active, paid.Snapshot.State);
        Assert.Contains(new ChangeAccessLevel(AccessLevel.Blocked, AccessLevel.Full), paid.Effects);
        Assert.Empty(await desk.Service.GetFailuresAndSuspensionsAsync());
    }

    [Fact]
    public async Task A_tenant_suspended_at_once_because_many_days_passed_records_every_stage_it_went_through()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");

        desk.Clock.Set(start + Duration.FromDays(30)); // the scheduler was down for a month
        var run = Assert.Single(await desk.RunProcessor());

        Assert.Equal(
            [(DunningState.PastDue, DunningState.Degraded, start + Duration.FromDays(7)),
             (DunningState.Degraded, DunningState.Restricted, start + Duration.FromDays(14)),
             (DunningState.Restricted, DunningState.Suspended, start + Duration.FromDays(21))],
            run.Transitions.Select(t => (t.From, t.To, t.At)));
        Assert.All(run.Transitions, t => Assert.Equal(TransitionCause.DaysPastDue, t.Cause));
        Assert.Single(run.Effects.OfType<AttemptCharge>()); // one overdue retry, not three at once
    }

    [Fact]
    public async Task The_admin_restores_access_during_a_dispute_by_forcing_Active_and_ticks_do_not_undo_it()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");
        desk.Clock.Set(start + Duration.FromDays(15));
        await desk.RunProcessor();
        Assert.Equal(DunningState.Restricted, await desk.StateOf(Acme));

        var forced = await desk.Service.ApplyAsync(Acme, new ForceStateOverride(desk.Now, Desk.Admin, "Dispute opened, ticket 4411", ForcedState.Active));
        Assert.Equal(DunningState.Active, forced.Snapshot.State);
        Assert.Equal(AccessLevel.Full, forced.Snapshot.Access);
        Assert.Null(forced.NextDueAt);
        var hop = Assert.Single(forced.Transitions);
        Assert.Equal((DunningState.Restricted, DunningState.Active, TransitionCause.AdminOverride), (hop.From, hop.To, hop.Cause));

        for (var day = 16; day <= 40; day++)
        {
            desk.Clock.Set(start + Duration.FromDays(day));
            Assert.Empty(await desk.RunProcessor());
            Assert.Empty((await desk.Service.ApplyAsync(Acme, new TimePassed(desk.Now))).Transitions);
        }

        // A failure during the dispute is recorded but does not move a forced state.
        var failure = await desk.Fail(Acme, "insufficient_funds", 5);
        Assert.Equal(DunningState.Active, failure.Snapshot.State);

        var audit = Assert.Single(await desk.Service.GetOverridesAsync(Acme));
        Assert.Equal((Desk.Admin, "Dispute opened, ticket 4411", "Forced state Active"), (audit.Actor, audit.Reason, audit.Description));
        var row = Assert.Single(await desk.Service.GetFailuresAndSuspensionsAsync());
        Assert.Equal((DunningState.Active, DunningNextAction.AwaitAdmin, (DunningState?)DunningState.Active), (row.State, row.NextAction, row.Forced));

        // The dispute is lost: clearing the force hands the tenant back to the machine, which records every stage.
        var cleared = await desk.Service.ApplyAsync(Acme, new ClearForcedStateOverride(desk.Now, Desk.Admin, "Dispute lost"));
        Assert.Equal(
            [DunningState.PastDue, DunningState.Degraded, DunningState.Restricted, DunningState.Suspended],
            cleared.Transitions.Select(t => t.To));
        Assert.Equal(AccessLevel.Blocked, cleared.Snapshot.Access);
    }

    [Fact]
    public async Task A_payment_that_settles_the_balance_releases_a_forced_Active_but_not_a_forced_Suspended()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await desk.Fail(Acme, "insufficient_funds");
        await desk.Service.ApplyAsync(Acme, new ForceStateOverride(desk.Now, Desk.Admin, "Dispute opened", ForcedState.Active));
        desk.Clock.AdvanceDays(2);

        var settled = await desk.Pay(Acme);
        Assert.Equal(DunningState.Active, settled.Snapshot.State);
        Assert.Null(settled.Snapshot.Forced);
        Assert.Null(settled.Snapshot.PastDueSince);

        var beta = TenantId.From("ten_beta");
        await desk.Service.EnrollAsync(beta);
        await desk.Service.ApplyAsync(beta, new ForceStateOverride(desk.Now, Desk.Admin, "Abuse report 88", ForcedState.Suspended));
        desk.Clock.AdvanceHours(1);
        var paid = await desk.Pay(beta);
        Assert.Equal(DunningState.Suspended, paid.Snapshot.State);
        Assert.Equal(DunningState.Suspended, paid.Snapshot.Forced);
        Assert.Contains("forced", paid.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_contract_waits_for_a_wire()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme, ContractMode.Enterprise);
        var start = desk.Now;

        var failure = await desk.Fail(Acme, "insufficient_funds");
        Assert.Equal(DunningState.Active, failure.Snapshot.State);
        Assert.Empty(failure.Transitions);
        Assert.Empty(failure.Effects.OfType<ScheduleRetry>());
        Assert.Null(failure.NextDueAt);

        for (var day = 1; day <= 60; day++)
        {
            desk.Clock.Set(start + Duration.FromDays(day));
            Assert.Empty(await desk.RunProcessor());
        }

        var row = Assert.Single(await desk.Service.GetFailuresAndSuspensionsAsync());
        Assert.Equal((DunningState.Active, 60, ContractMode.Enterprise, DunningNextAction.AwaitPayment, (Instant?)null), (row.State, row.DaysPastDue, row.Mode, row.NextAction, row.NextActionAt));

        var wire = await desk.Pay(Acme);
        Assert.Equal(DunningState.Active, wire.Snapshot.State);
        Assert.Null(wire.Snapshot.PastDueSince);
        Assert.Empty(await desk.Service.GetFailuresAndSuspensionsAsync());
        Assert.Empty(await desk.Service.GetTransitionsAsync(Acme));
    }

    [Fact]
    public async Task A_government_tenant_is_never_suspended_and_never_retried()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme, ContractMode.Government);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");

        var decisions = new List<DunningDecision>();
        for (var day = 1; day <= 120; day++)
        {
            desk.Clock.Set(start + Duration.FromDays(day));
            decisions.AddRange(await desk.RunProcessor());
        }

        Assert.Empty(decisions.SelectMany(d => d.Effects).OfType<AttemptCharge>());
        var snapshot = await desk.Service.GetAsync(Acme);
        Assert.Equal(DunningState.Degraded, snapshot.State);
        Assert.Null(snapshot.NextDueAt);
        Assert.Equal(
            [DunningState.PastDue, DunningState.Degraded],
            (await desk.Service.GetTransitionsAsync(Acme)).Select(t => t.To));

        // Only an admin goes further.
        var forced = await desk.Service.ApplyAsync(Acme, new ForceStateOverride(desk.Now, Desk.Admin, "Contract terminated by the agency", ForcedState.Suspended));
        Assert.Equal(DunningState.Suspended, forced.Snapshot.State);
    }

    [Fact]
    public async Task A_failure_reported_after_a_later_success_does_not_regress_the_tenant()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var failedAt = desk.Now;
        desk.Clock.AdvanceHours(2);
        var succeededAt = desk.Now;
        await desk.Service.ApplyAsync(Acme, new PaymentSucceeded(succeededAt));
        desk.Clock.AdvanceHours(1);

        var late = await desk.Service.ApplyAsync(Acme, new PaymentFailed(failedAt, "insufficient_funds"));

        Assert.Equal(DunningOutcome.Ignored, late.Outcome);
        Assert.Contains("Stale", late.Note, StringComparison.Ordinal);
        Assert.Equal(DunningState.Active, await desk.StateOf(Acme));
        Assert.Empty(await desk.Service.GetFailuresAndSuspensionsAsync());
    }

    [Fact]
    public async Task An_expired_card_is_not_retried_until_the_card_is_updated_then_it_is_charged_at_once()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;

        var failure = await desk.Fail(Acme, "expired_card");
        Assert.Contains(new NotifyTenant(DunningTemplates.UpdatePaymentMethod), failure.Effects);
        Assert.True(failure.Snapshot.RetriesHalted);
        Assert.Null(failure.Snapshot.NextRetryAt);
        Assert.Equal(DunningNextAction.Degrade, DunningMachine.NextStep(failure.Snapshot).Action);

        desk.Clock.Set(start + Duration.FromDays(5));
        Assert.Empty((await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>());

        var updated = await desk.Service.ApplyAsync(Acme, new PaymentMethodUpdated(desk.Now));
        var charge = Assert.Single(updated.Effects.OfType<AttemptCharge>());
        Assert.Equal(2, charge.AttemptNumber);
        Assert.False(updated.Snapshot.RetriesHalted);

        await desk.Pay(Acme);
        Assert.Equal(DunningState.Active, await desk.StateOf(Acme));
    }

    [Fact]
    public async Task A_processing_error_is_retried_soon()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var failure = await desk.Fail(Acme, "processing_error");
        Assert.Equal(desk.Now + Duration.FromHours(1), failure.Snapshot.NextRetryAt);
    }

    [Fact]
    public async Task A_stolen_card_stops_retries()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        var failure = await desk.Fail(Acme, "stolen_card");
        Assert.Contains(new NotifyTenant(DunningTemplates.PaymentMethodRefused), failure.Effects);
        desk.Clock.Set(start + Duration.FromDays(30));
        Assert.Empty((await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>());
        Assert.Equal(DunningState.Suspended, await desk.StateOf(Acme));
    }

    [Fact]
    public async Task Extending_grace_pushes_the_next_stage_back()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");
        desk.Clock.Set(start + Duration.FromDays(8));
        await desk.RunProcessor();
        Assert.Equal(start + Duration.FromDays(14), (await desk.Service.GetAsync(Acme)).NextStageAt);

        var grace = await desk.Service.ApplyAsync(Acme, new GraceExtensionOverride(desk.Now, Desk.Admin, "Customer's finance team is on holiday", 5));

        Assert.Equal(start + Duration.FromDays(19), grace.Snapshot.NextStageAt);
        desk.Clock.Set(start + Duration.FromDays(18));
        await desk.RunProcessor();
        Assert.Equal(DunningState.Degraded, await desk.StateOf(Acme));
        desk.Clock.Set(start + Duration.FromDays(19));
        await desk.RunProcessor();
        Assert.Equal(DunningState.Restricted, await desk.StateOf(Acme));
    }

    [Fact]
    public async Task When_retries_are_exhausted_the_policy_can_mark_the_tenant_unpaid()
    {
        using var desk = new Desk(o => o.WhenRetriesExhausted = RetriesExhaustedAction.MarkUnpaid);
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");
        foreach (var day in new[] { 3, 7, 14 })
        {
            desk.Clock.Set(start + Duration.FromDays(day));
            var charge = (await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>().Single();
            var result = await desk.Fail(Acme, "insufficient_funds", charge.AttemptNumber);
            if (day == 14)
            {
                Assert.Equal((DunningState.Restricted, DunningState.Unpaid, TransitionCause.RetriesExhausted), result.Transitions.Select(t => (t.From, t.To, t.Cause)).Single());
            }
        }

        desk.Clock.Set(start + Duration.FromDays(90));
        Assert.Empty(await desk.RunProcessor());
        Assert.Equal(DunningState.Unpaid, await desk.StateOf(Acme));
    }

    [Fact]
    public async Task When_retries_are_exhausted_the_policy_can_suspend_at_once_recording_every_stage()
    {
        using var desk = new Desk(o => o.WhenRetriesExhausted = RetriesExhaustedAction.Suspend);
        await desk.Service.EnrollAsync(Acme);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");
        desk.Clock.Set(start + Duration.FromDays(3));
        var charge = (await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>().Single();
        await desk.Fail(Acme, "insufficient_funds", charge.AttemptNumber);
        desk.Clock.Set(start + Duration.FromDays(7));
        charge = (await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>().Single();
        await desk.Fail(Acme, "insufficient_funds", charge.AttemptNumber);
        desk.Clock.Set(start + Duration.FromDays(8));
        await desk.RunProcessor();
        desk.Clock.Set(start + Duration.FromDays(14));
        charge = (await desk.RunProcessor()).SelectMany(d => d.Effects).OfType<AttemptCharge>().Single();
        var last = await desk.Fail(Acme, "insufficient_funds", charge.AttemptNumber);

        Assert.Equal(DunningState.Suspended, last.Snapshot.State);
        Assert.Equal([DunningState.Suspended], last.Transitions.Select(t => t.To)); // Restricted was reached on day 14 by the tick
    }

    [Fact]
    public async Task A_trial_that_converts_with_a_failed_charge_enters_the_lifecycle()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme, trialing: true);
        Assert.Equal(DunningState.Trialing, await desk.StateOf(Acme));
        var failure = await desk.Fail(Acme, "insufficient_funds");
        Assert.Equal((DunningState.Trialing, DunningState.PastDue), (failure.Transitions[0].From, failure.Transitions[0].To));
    }

    [Fact]
    public async Task A_canceled_subscription_never_leaves_Canceled()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await desk.Fail(Acme, "insufficient_funds");
        desk.Clock.AdvanceDays(1);
        var canceled = await desk.Service.ApplyAsync(Acme, new SubscriptionCanceled(desk.Now));
        Assert.Equal(DunningState.Canceled, canceled.Snapshot.State);
        desk.Clock.AdvanceDays(1);

        Assert.Equal(DunningOutcome.Ignored, (await desk.Pay(Acme)).Outcome);
        await Assert.ThrowsAsync<DunningTransitionException>(async () => await desk.Service.ApplyAsync(Acme, new ForceStateOverride(desk.Now, Desk.Admin, "Reopen", ForcedState.Active)));
        Assert.Equal(DunningState.Canceled, await desk.StateOf(Acme));
        Assert.Empty(await desk.Service.GetFailuresAndSuspensionsAsync());
    }

    [Fact]
    public async Task Changing_an_enterprise_tenant_to_standard_starts_the_machine_on_its_open_failure()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme, ContractMode.Enterprise);
        var start = desk.Now;
        await desk.Fail(Acme, "insufficient_funds");
        desk.Clock.Set(start + Duration.FromDays(10));

        var changed = await desk.Service.ApplyAsync(Acme, new ContractModeOverride(desk.Now, Desk.Admin, "Moved to card billing", ContractMode.Standard));

        Assert.Equal([DunningState.PastDue, DunningState.Degraded], changed.Transitions.Select(t => t.To));
        Assert.Single(changed.Effects.OfType<AttemptCharge>());
    }

    [Fact]
    public async Task A_change_staged_in_a_unit_that_is_not_committed_is_discarded()
    {
        using var desk = new Desk();
        await desk.Service.EnrollAsync(Acme);
        await using (var unit = await desk.Units.BeginAsync(Acme))
        {
            var decision = await desk.Service.ApplyAsync(unit, new PaymentFailed(desk.Now, "insufficient_funds"));
            Assert.Equal(DunningState.PastDue, decision.Snapshot.State);
            Assert.Equal(DunningState.PastDue, (await desk.Store.GetAsync(unit))!.State); // reads in the unit see its writes
        }

        Assert.Equal(DunningState.Active, await desk.StateOf(Acme));
        Assert.Empty(await desk.Service.GetTransitionsAsync(Acme));
    }
}
