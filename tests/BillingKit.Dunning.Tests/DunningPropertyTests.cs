using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Dunning.Tests;

/// <summary>Random event sequences through the pure machine. Each case is a seed, so a failure names a reproducible
/// history; <see cref="Simulate"/> builds a random policy, contract mode and 5 to 60 events from it.</summary>
public class DunningPropertyTests
{
    private static readonly string[] Codes =
        ["insufficient_funds", "do_not_honor", "expired_card", "processing_error", "fraudulent", "stolen_card", "lost_card", "generic_decline", "do_not_try_again", "card_velocity_exceeded", "authentication_required", "something_new", null!];

    private static readonly Actor Admin = new("ada", BillingRole.BillingAdmin);

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Fact]
    public void Only_allowed_transitions_are_taken_and_they_chain_from_the_old_state_to_the_new_one() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            var d = step.Decision!;
            var from = step.Before.State;
            foreach (var t in d.Transitions)
            {
                Require(t.From == from, seed, $"transition {t} does not start at {from}");
                Require(DunningMachine.IsAllowed(t.From, t.To, t.Cause), seed, $"transition {t} is not allowed");
                from = t.To;
            }

            Require(from == d.Snapshot.State, seed, $"transitions end at {from} but the state is {d.Snapshot.State}");
            Require(step.Before.State != DunningState.Canceled || d.Snapshot.State == DunningState.Canceled, seed, "left Canceled");
            Require(d.Snapshot.Access == step.Policy.AccessFor(d.Snapshot.State), seed, "access does not match the state");
        })));

    [Fact]
    public void Government_never_becomes_Restricted_Suspended_or_Unpaid_without_an_admin() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed =>
        {
            var government = Simulate(seed, ContractMode.Government, overrides: false);
            Require(government.All(s => s.Decision?.Snapshot.State is not (DunningState.Restricted or DunningState.Suspended or DunningState.Unpaid)), seed, "a government tenant without overrides was restricted, suspended or unpaid");
            Require(!government.Any(s => s.Decision?.Effects.OfType<AttemptCharge>().Any() == true), seed, "a government tenant was retried");
            return ForEachStep(Simulate(seed), step =>
            {
                if (step.Before.Mode == ContractMode.Government && step.Event is not DunningOverride)
                {
                    Require(!step.Decision!.Transitions.Any(t => t.To is DunningState.Restricted or DunningState.Suspended or DunningState.Unpaid), seed, $"{step.Event} moved a government tenant to {step.Decision.Snapshot.State}");
                }
            });
        }));

    [Fact]
    public void Enterprise_never_changes_state_except_by_an_admin_or_a_payment() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed, ContractMode.Enterprise), step =>
        {
            var moved = step.Decision!.Snapshot.State != step.Before.State;
            if (step.Before.Mode == ContractMode.Enterprise && moved)
            {
                Require(step.Event is DunningOverride or PaymentSucceeded or SubscriptionCanceled, seed, $"{step.Event} moved an enterprise tenant from {step.Before.State} to {step.Decision.Snapshot.State}");
                Require(step.Decision.Effects.OfType<AttemptCharge>().Any() == false || step.Event is DunningOverride, seed, "an enterprise tenant was retried automatically");
            }
        })));

    [Fact]
    public void A_successful_payment_returns_to_Active_unless_an_admin_forced_a_state() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            if (step.Event is PaymentSucceeded && step.Decision!.Outcome == DunningOutcome.Applied)
            {
                var after = step.Decision.Snapshot;
                Require(after.Forced is not null ? after.State == step.Before.State : after.State == DunningState.Active, seed, $"payment left the tenant {after.State} (forced {after.Forced})");
                Require(after.PastDueSince is null && after.NextRetryAt is null, seed, "payment did not settle the episode");
                Require(step.Before.Forced != DunningState.Active || after.Forced is null, seed, "a settling payment did not release a forced Active");
            }
        })));

    [Fact]
    public void Grace_extension_never_brings_a_deadline_closer() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            if (step.Event is GraceExtensionOverride grace)
            {
                var current = DunningMachine.Decide(step.Before, new TimePassed(step.Now), step.Policy, step.Now).Snapshot;
                var after = step.Decision!.Snapshot;
                Require(after.Grace == step.Before.Grace + Duration.FromDays(grace.Days), seed, "grace was not added");
                Require(DunningMachine.Rank(after.State) <= DunningMachine.Rank(current.State) || after.State == current.State, seed, "grace advanced the tenant");
                if (after.State == current.State)
                {
                    Require(current.NextStageAt is null || (after.NextStageAt is { } later && later >= current.NextStageAt), seed, $"the next stage moved from {current.NextStageAt} to {after.NextStageAt}");
                }
                else
                {
                    // Grace held the tenant back a stage: that stage's deadline is now in the future.
                    Require(after.NextStageAt is { } held && held > step.Now, seed, $"grace held the tenant at {after.State} but its next stage is due {after.NextStageAt}");
                }
            }
        })));

    [Fact]
    public void The_processor_tick_is_idempotent_for_the_same_now() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            var first = DunningMachine.Decide(step.Decision!.Snapshot, new TimePassed(step.Now), step.Policy, step.Now);
            var second = DunningMachine.Decide(first.Snapshot, new TimePassed(step.Now), step.Policy, step.Now);
            Require(second.Transitions.Count == 0 && second.Effects.Count == 0, seed, $"a second tick at {step.Now} did something: {string.Join(", ", second.Effects)}");
            Require(second.Snapshot == first.Snapshot, seed, "a second tick changed the record");
            Require(first.Snapshot.NextDueAt is null || first.Snapshot.NextDueAt > step.Now, seed, "something is still due after a tick");
        })));

    [Fact]
    public void Retries_never_exceed_the_schedule() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed =>
        {
            var steps = Simulate(seed);
            var charges = 0;
            Instant? episode = null;
            foreach (var step in steps.Where(s => s.Decision?.Outcome == DunningOutcome.Applied))
            {
                if (step.Before.PastDueSince != episode)
                {
                    episode = step.Before.PastDueSince;
                    charges = 0;
                }

                charges += step.Decision!.Effects.OfType<AttemptCharge>().Count();
                Require(charges <= step.Policy.RetrySchedule.Length, seed, $"{charges} retries requested in one episode; the schedule has {step.Policy.RetrySchedule.Length}");
                Require(step.Decision.Snapshot.RetriesAttempted <= step.Policy.RetrySchedule.Length, seed, "RetriesAttempted exceeds the schedule");
                if (step.Decision.Snapshot.PastDueSince != episode)
                {
                    episode = step.Decision.Snapshot.PastDueSince;
                    charges = step.Decision.Snapshot.RetriesAttempted;
                }
            }

            return true;
        }));

    [Fact]
    public void Stale_payment_events_change_nothing() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            if (step.Event is PaymentFailed or PaymentSucceeded && step.Before.LastPaymentEventAt is { } last && step.Event.OccurredAt <= last && step.Before.State != DunningState.Canceled)
            {
                Require(step.Decision!.Outcome == DunningOutcome.Ignored && step.Decision.Snapshot == step.Before, seed, "a stale payment event was applied");
            }
        })));

    [Fact]
    public void A_forced_state_is_sticky_until_an_admin_clears_it_or_a_payment_settles_a_forced_Active() =>
        PropertyTest.Check(Prop.ForAll(Seeds, seed => ForEachStep(Simulate(seed), step =>
        {
            if (step.Before.Forced is { } forced && step.Event is not (DunningOverride or SubscriptionCanceled))
            {
                var after = step.Decision!.Snapshot;
                var released = step.Event is PaymentSucceeded && forced == DunningState.Active && step.Decision.Outcome == DunningOutcome.Applied;
                Require(after.State == step.Before.State, seed, $"{step.Event} moved a tenant forced at {forced}");
                Require(released ? after.Forced is null : after.Forced == forced, seed, $"{step.Event} changed the force from {forced} to {after.Forced}");
                Require(!step.Decision.Effects.OfType<AttemptCharge>().Any(), seed, "a forced tenant was retried automatically");
            }
        })));

    [Fact]
    public void The_random_histories_reach_every_state_and_every_cause()
    {
        var transitions = Enumerable.Range(0, 1000).SelectMany(seed => Simulate(seed)).Where(s => s.Decision is not null).SelectMany(s => s.Decision!.Transitions).ToList();
        Assert.All(Enum.GetValues<DunningState>().Where(s => s != DunningState.Trialing), state => Assert.Contains(transitions, t => t.To == state));
        Assert.All(Enum.GetValues<TransitionCause>(), cause => Assert.Contains(transitions, t => t.Cause == cause));
        var steps = Enumerable.Range(0, 1000).SelectMany(seed => Simulate(seed)).ToList();
        Assert.Contains(steps, s => s.Decision is null); // refused overrides are generated too
        Assert.Contains(steps, s => s.Decision?.Outcome == DunningOutcome.Ignored);
        Assert.Contains(steps, s => s.Decision?.Effects.OfType<AttemptCharge>().Any() == true);
        Assert.Contains(steps, s => s.Event is GraceExtensionOverride && s.Decision is not null);
    }

    private static bool ForEachStep(List<Step> steps, Action<Step> check)
    {
        foreach (var step in steps.Where(s => s.Decision is not null))
        {
            check(step);
        }

        return true;
    }

    private static void Require(bool condition, int seed, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Seed {seed}: {message}");
        }
    }

    internal sealed record Step(DunningSnapshot Before, DunningEvent Event, DunningDecision? Decision, Instant Now, DunningPolicy Policy);

    internal static List<Step> Simulate(int seed, ContractMode? mode = null, bool overrides = true)
    {
        var random = new Random(seed);
        var retries = Enumerable.Range(1, 30).Where(_ => random.Next(6) == 0).Take(random.Next(0, 5)).ToArray();
        var degraded = random.Next(1, 15);
        var restricted = degraded + random.Next(1, 15);
        var options = new DunningOptions
        {
            RetryScheduleDays = random.Next(3) == 0 ? [3, 7, 14] : retries,
            DegradedAfterDays = degraded,
            RestrictedAfterDays = restricted,
            SuspendedAfterDays = restricted + random.Next(1, 15),
            WhenRetriesExhausted = (RetriesExhaustedAction)random.Next(3),
            MinimumRetryInterval = TimeSpan.FromMinutes(random.Next(1, 600)),
            RetrySoonDelay = TimeSpan.FromMinutes(random.Next(1, 600)),
        };
        var policy = DunningPolicy.Create(options);
        var now = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(random.Next(0, 100_000));
        var snapshot = DunningMachine.Enroll(TenantId.From("ten_prop"), mode ?? (ContractMode)random.Next(3), policy, now, trialing: random.Next(6) == 0);
        var steps = new List<Step>();
        var count = random.Next(5, 61);
        for (var i = 0; i < count; i++)
        {
            now += Duration.FromMinutes(random.Next(0, 60 * 24 * 6));
            var at = random.Next(4) == 0 ? now - Duration.FromMinutes(random.Next(0, 60 * 24 * 12)) : now;
            var roll = random.Next(100);
            if (!overrides && roll >= 75)
            {
                roll = random.Next(75);
            }

            DunningEvent e = roll switch
            {
                < 30 => new PaymentFailed(at, Codes[random.Next(Codes.Length)], random.Next(1, 6)),
                < 40 => new PaymentSucceeded(at),
                < 46 => new PaymentMethodUpdated(at),
                < 75 => new TimePassed(now),
                < 82 => new ForceStateOverride(now, Admin, "desk", (ForcedState)random.Next(5)),
                < 87 => new ClearForcedStateOverride(now, Admin, "desk"),
                < 93 => new GraceExtensionOverride(now, Admin, "desk", random.Next(1, 20)),
                < 99 => new ContractModeOverride(now, Admin, "desk", (ContractMode)random.Next(3)),
                _ => new SubscriptionCanceled(now),
            };
            try
            {
                var decision = DunningMachine.Decide(snapshot, e, policy, now);
                steps.Add(new Step(snapshot, e, decision, now, policy));
                snapshot = decision.Snapshot;
            }
            catch (BillingException)
            {
                steps.Add(new Step(snapshot, e, null, now, policy)); // refused: the snapshot stays as it was
            }
        }

        return steps;
    }
}
