using System.Globalization;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The payment-failure lifecycle as a pure function: (snapshot, event, policy, now) → decision.</summary>
/// <remarks>
/// <para>No I/O, no clock: the same inputs always give the same decision. Every decision first applies its event, then
/// catches up to <c>now</c>: due stages are entered one at a time (each hop recorded with its cause), exhaustion applies,
/// and at most one due retry is requested. Afterwards the next retry is always later than <c>now</c>, so deciding
/// <see cref="TimePassed"/> again at the same instant changes nothing.</para>
/// <para>Payment events (failed, succeeded, payment method updated) that occurred at or before the newest payment event
/// already applied are stale and ignored. A forced state (see <see cref="ForceStateOverride"/>) stops all automatic
/// change, including retries, until an admin clears it; a successful payment settles the balance and releases only a
/// forced <see cref="DunningState.Active"/>.</para>
/// </remarks>
public static class DunningMachine
{
    /// <summary>Creates the record of a newly enrolled tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="mode">Its contract mode.</param>
    /// <param name="policy">The policy that applies.</param>
    /// <param name="now">The enrolment time.</param>
    /// <param name="trialing">Whether the subscription is in a trial (<see cref="DunningState.Trialing"/>) rather than <see cref="DunningState.Active"/>.</param>
    /// <param name="policyName">The options name of the policy; empty for the default.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is default, or <paramref name="mode"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static DunningSnapshot Enroll(TenantId tenant, ContractMode mode, DunningPolicy policy, Instant now, bool trialing = false, string? policyName = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrEmpty(tenant.Value))
        {
            throw new ArgumentException("Expected an enrolled tenant's id; default(TenantId) is not one.", nameof(tenant));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentException($"Unknown contract mode {mode}; expected Standard, Enterprise or Government.", nameof(mode));
        }

        var state = trialing ? DunningState.Trialing : DunningState.Active;
        return new DunningSnapshot
        {
            Tenant = tenant,
            State = state,
            Mode = mode,
            Access = policy.AccessFor(state),
            PolicyName = policyName ?? string.Empty,
            EnrolledAt = now,
            UpdatedAt = now,
            Grace = Duration.Zero,
        };
    }

    /// <summary>Decides what an event does to a tenant.</summary>
    /// <param name="snapshot">The tenant's record before the event.</param>
    /// <param name="dunningEvent">The event.</param>
    /// <param name="policy">The tenant's policy.</param>
    /// <param name="now">The current instant; stages and retries due at or before it are applied.</param>
    /// <returns>The decision: new snapshot, transitions, effects and the next due instant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DunningTransitionException">An override on a canceled subscription, or clearing a force that is not there.</exception>
    /// <exception cref="InvalidDunningOverrideException">A grace extension with no open balance to extend.</exception>
    public static DunningDecision Decide(DunningSnapshot snapshot, DunningEvent dunningEvent, DunningPolicy policy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(dunningEvent);
        ArgumentNullException.ThrowIfNull(policy);
        return new Run(snapshot, policy, now).Decide(dunningEvent);
    }

    /// <summary>Whether the lifecycle allows a hop from one state to another for a cause.</summary>
    /// <param name="from">The state left.</param>
    /// <param name="to">The state entered.</param>
    /// <param name="cause">The cause.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    /// <remarks>Automatic hops follow the chain one stage at a time; a payment returns any lifecycle state to Active;
    /// exhaustion may enter Unpaid; admins may move a non-canceled tenant to any lifecycle state; nothing leaves Canceled.</remarks>
    public static bool IsAllowed(DunningState from, DunningState to, TransitionCause cause)
    {
        if (from == to || from == DunningState.Canceled || to == DunningState.Trialing)
        {
            return false;
        }

        return cause switch
        {
            TransitionCause.Canceled => to == DunningState.Canceled,
            TransitionCause.AdminOverride => to != DunningState.Canceled,
            TransitionCause.PaymentSucceeded => to == DunningState.Active,
            TransitionCause.PaymentFailed => to == DunningState.PastDue && from is DunningState.Active or DunningState.Trialing,
            TransitionCause.DaysPastDue => IsNextOnChain(from, to),
            TransitionCause.RetriesExhausted => IsNextOnChain(from, to) || (to == DunningState.Unpaid && Rank(from) >= 1),
            _ => false,
        };
    }

    /// <summary>What the lifecycle will do next for a tenant, and when.</summary>
    /// <param name="snapshot">The tenant's record.</param>
    /// <returns>The next action and its due instant (null when it waits for someone).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static (DunningNextAction Action, Instant? DueAt) NextStep(DunningSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.State == DunningState.Canceled)
        {
            return (DunningNextAction.None, null);
        }

        if (snapshot.Forced is not null)
        {
            return (DunningNextAction.AwaitAdmin, null);
        }

        if (snapshot.PastDueSince is null)
        {
            return (DunningNextAction.None, null);
        }

        if (snapshot.NextRetryAt is { } retry && (snapshot.NextStageAt is null || retry <= snapshot.NextStageAt))
        {
            return (DunningNextAction.RetryCharge, retry);
        }

        if (snapshot.NextStageAt is { } stage)
        {
            var action = NextOnChain(snapshot.State) switch
            {
                DunningState.Degraded => DunningNextAction.Degrade,
                DunningState.Restricted => DunningNextAction.Restrict,
                _ => DunningNextAction.Suspend,
            };
            return (action, stage);
        }

        return snapshot.RetriesHalted && snapshot.Mode == ContractMode.Standard
            ? (DunningNextAction.AwaitPaymentMethodUpdate, null)
            : (DunningNextAction.AwaitPayment, null);
    }

    /// <summary>Whole days since the open episode's first failure, or 0 when nothing is owed.</summary>
    /// <param name="snapshot">The tenant's record.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The days past due.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static int DaysPastDue(DunningSnapshot snapshot, Instant now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.PastDueSince is not { } since || now <= since)
        {
            return 0;
        }

        return (int)Math.Min(int.MaxValue, (now - since).Days);
    }

    internal static int Rank(DunningState state) => state switch
    {
        DunningState.Active => 0,
        DunningState.PastDue => 1,
        DunningState.Degraded => 2,
        DunningState.Restricted => 3,
        DunningState.Suspended => 4,
        _ => -1,
    };

    internal static DunningState? NextOnChain(DunningState state) => state switch
    {
        DunningState.Active => DunningState.PastDue,
        DunningState.PastDue => DunningState.Degraded,
        DunningState.Degraded => DunningState.Restricted,
        DunningState.Restricted => DunningState.Suspended,
        _ => null,
    };

    private static bool IsNextOnChain(DunningState from, DunningState to) => Rank(from) >= 1 && NextOnChain(from) == to;

    private static string? TemplateFor(DunningState state) => state switch
    {
        DunningState.Degraded => DunningTemplates.Degraded,
        DunningState.Restricted => DunningTemplates.Restricted,
        DunningState.Suspended => DunningTemplates.Suspended,
        DunningState.Unpaid => DunningTemplates.Unpaid,
        DunningState.Active => DunningTemplates.AccessRestored,
        _ => null,
    };

    private sealed class Run
    {
        private readonly List<DunningTransition> _transitions = [];
        private readonly List<DunningEffect> _effects = [];
        private readonly DunningSnapshot before;
        private readonly DunningPolicy policy;
        private readonly Instant now;
        private DunningSnapshot _s;
        private DunningOverrideRecord? _override;
        private string? _note;

        public Run(DunningSnapshot before, DunningPolicy policy, Instant now)
        {
            this.before = before;
            this.policy = policy;
            this.now = now;
            _s = before;
        }

        public DunningDecision Decide(DunningEvent e)
        {
            if (_s.State == DunningState.Canceled)
            {
                if (e is DunningOverride)
                {
                    throw new DunningTransitionException(_s.Tenant, _s.State, $"Tenant '{_s.Tenant}' is canceled; the lifecycle no longer applies and no override can move it. Enroll a new subscription instead.");
                }

                return Ignored("The subscription is canceled; the lifecycle no longer applies.");
            }

            switch (e)
            {
                case PaymentFailed failed:
                    if (IsStale(failed.OccurredAt))
                    {
                        return Ignored(StaleNote("failure", failed.OccurredAt));
                    }

                    OnFailed(failed);
                    break;
                case PaymentSucceeded succeeded:
                    if (IsStale(succeeded.OccurredAt))
                    {
                        return Ignored(StaleNote("payment", succeeded.OccurredAt));
                    }

                    OnSucceeded(succeeded);
                    break;
                case PaymentMethodUpdated updated:
                    if (IsStale(updated.OccurredAt) || (_s.LastPaymentMethodUpdatedAt is { } last && updated.OccurredAt <= last))
                    {
                        return Ignored(StaleNote("payment method update", updated.OccurredAt));
                    }

                    OnPaymentMethodUpdated(updated);
                    break;
                case SubscriptionCanceled:
                    Hop(DunningState.Canceled, TransitionCause.Canceled, now, "Subscription canceled");
                    _s = CloseEpisode(_s) with { Forced = null, ForcedReason = null };
                    return Finish();
                case DunningOverride admin:
                    OnOverride(admin);
                    break;
                case TimePassed:
                    break;
                default:
                    throw new ArgumentException($"Unsupported dunning event {e.GetType().Name}.", nameof(e));
            }

            NormalizeRetry();
            CatchUp();
            NormalizeRetry();
            return Finish();
        }

        private bool IsStale(Instant occurredAt) => _s.LastPaymentEventAt is { } last && occurredAt <= last;

        private string StaleNote(string what, Instant occurredAt) =>
            string.Create(CultureInfo.InvariantCulture, $"Stale {what} at {occurredAt} ignored: a newer payment event ({_s.LastPaymentEventAt}) was already applied.");

        private DunningDecision Ignored(string note) => new(DunningOutcome.Ignored, before, [], [], null, note);

        private void OnFailed(PaymentFailed failed)
        {
            var advice = DeclineCodes.Classify(failed.DeclineCode);
            if (_s.PastDueSince is null)
            {
                _s = CloseEpisode(_s) with { PastDueSince = failed.OccurredAt };
            }

            _s = _s with
            {
                LastDeclineCode = advice.Code,
                LastAttemptNumber = failed.AttemptNumber,
                LastPaymentEventAt = failed.OccurredAt,
                RetriesHalted = _s.RetriesHalted || advice.IsHardDecline,
            };
            _effects.Add(new NotifyTenant(advice.Template));

            if (_s.Forced is null && _s.Mode != ContractMode.Enterprise && _s.State is DunningState.Active or DunningState.Trialing)
            {
                Hop(DunningState.PastDue, TransitionCause.PaymentFailed, failed.OccurredAt <= now ? failed.OccurredAt : now, "Payment failed: " + advice.Code);
            }

            if (_s.Mode == ContractMode.Standard
                && !_s.RetriesHalted
                && _s.RetriesAttempted >= policy.RetrySchedule.Length
                && (_s.LastChargeRequestedAt is null || failed.OccurredAt >= _s.LastChargeRequestedAt))
            {
                _s = _s with { RetriesExhausted = true, NextRetryAt = null };
            }

            if (advice.Category == DeclineCategory.RetrySoon)
            {
                NormalizeRetry();
                if (_s.NextRetryAt is { } next && now + policy.RetrySoonDelay < next)
                {
                    _s = _s with { NextRetryAt = Later(now + policy.RetrySoonDelay, _s.LastChargeRequestedAt + policy.MinimumRetryInterval) };
                }
            }

            if (advice.IsHardDecline)
            {
                _note = "Hard decline: " + advice.Description;
            }
        }

        private void OnSucceeded(PaymentSucceeded succeeded)
        {
            _s = CloseEpisode(_s) with { LastPaymentEventAt = succeeded.OccurredAt };
            if (_s.Forced == DunningState.Active)
            {
                _s = _s with { Forced = null, ForcedReason = null };
            }

            if (_s.Forced is { } forced)
            {
                _note = $"Payment settled the balance, but the state stays forced at {forced} until an admin clears it.";
                return;
            }

            if (_s.State != DunningState.Active)
            {
                Hop(DunningState.Active, TransitionCause.PaymentSucceeded, succeeded.OccurredAt <= now ? succeeded.OccurredAt : now, "Payment succeeded");
            }
        }

        private void OnPaymentMethodUpdated(PaymentMethodUpdated updated)
        {
            _s = _s with { LastPaymentMethodUpdatedAt = updated.OccurredAt, RetriesHalted = false };
            if (_s.PastDueSince is not null && _s.Mode == ContractMode.Standard && !_s.RetriesExhausted && _s.RetriesAttempted < policy.RetrySchedule.Length)
            {
                // Charge the new payment method at once: the retry is brought forward, never added.
                _s = _s with { NextRetryAt = Later(now, _s.LastChargeRequestedAt + policy.MinimumRetryInterval) };
            }
        }

        private void OnOverride(DunningOverride admin)
        {
            _override = new DunningOverrideRecord(_s.Tenant, admin.OccurredAt, admin.Actor, admin.Reason, admin.Describe());
            var detail = $"{admin.Describe()} by {admin.Actor}: {admin.Reason}";
            switch (admin)
            {
                case ForceStateOverride force:
                    var target = force.Target switch
                    {
                        ForcedState.Active => DunningState.Active,
                        ForcedState.PastDue => DunningState.PastDue,
                        ForcedState.Unpaid => DunningState.Unpaid,
                        ForcedState.Suspended => DunningState.Suspended,
                        _ => _s.State,
                    };
                    if (target != _s.State)
                    {
                        Hop(target, TransitionCause.AdminOverride, now, detail);
                    }

                    _s = _s with { Forced = target, ForcedReason = force.Reason };
                    break;
                case ClearForcedStateOverride:
                    if (_s.Forced is null)
                    {
                        throw new DunningTransitionException(_s.Tenant, _s.State, $"Tenant '{_s.Tenant}' has no forced state to clear; it is {_s.State} under the machine's control.");
                    }

                    _s = _s with { Forced = null, ForcedReason = null };
                    ReleaseTo(ComputedState(), detail);
                    break;
                case GraceExtensionOverride grace:
                    if (_s.PastDueSince is null)
                    {
                        throw new InvalidDunningOverrideException($"Tenant '{_s.Tenant}' owes nothing, so there is no deadline to extend; grace applies to an open past-due balance.");
                    }

                    _s = _s with { Grace = _s.Grace + Duration.FromDays(grace.Days) };
                    break;
                case ContractModeOverride mode:
                    _s = _s with { Mode = mode.Mode };
                    break;
                default:
                    throw new ArgumentException($"Unsupported override {admin.GetType().Name}.", nameof(admin));
            }
        }

        // Where the machine would put the tenant now, had nobody forced anything.
        private DunningState ComputedState()
        {
            if (_s.PastDueSince is null)
            {
                return DunningState.Active;
            }

            if (_s.Mode == ContractMode.Enterprise)
            {
                return DunningState.PastDue;
            }

            if (_s.Mode == ContractMode.Standard && _s.RetriesExhausted)
            {
                if (policy.WhenRetriesExhausted == RetriesExhaustedAction.MarkUnpaid)
                {
                    return DunningState.Unpaid;
                }

                if (policy.WhenRetriesExhausted == RetriesExhaustedAction.Suspend)
                {
                    return DunningState.Suspended;
                }
            }

            var state = DunningState.PastDue;
            while (NextOnChain(state) is { } next && next <= Cap() && StageDeadline(next) <= now)
            {
                state = next;
            }

            return state;
        }

        private void ReleaseTo(DunningState target, string detail)
        {
            var forward = Rank(_s.State) >= 0 && Rank(target) >= 0 && Rank(_s.State) <= Rank(target) && _s.Mode != ContractMode.Enterprise;
            var forwardToUnpaid = target == DunningState.Unpaid && Rank(_s.State) >= 0 && _s.Mode == ContractMode.Standard;
            if (forward || forwardToUnpaid || _s.State == target)
            {
                return; // the catch-up walks forward one recorded stage at a time
            }

            Hop(target, TransitionCause.AdminOverride, now, detail);
        }

        private DunningState Cap() => _s.Mode == ContractMode.Government ? DunningState.Degraded : DunningState.Suspended;

        private Instant StageDeadline(DunningState stage) => _s.PastDueSince!.Value + policy.StageAfter(stage) + _s.Grace;

        private void CatchUp()
        {
            if (_s.Forced is not null || _s.PastDueSince is null || _s.Mode == ContractMode.Enterprise || _s.State == DunningState.Canceled)
            {
                return;
            }

            if (_s.State is DunningState.Active or DunningState.Trialing)
            {
                Hop(DunningState.PastDue, TransitionCause.PaymentFailed, now, "The open failure puts the tenant back in the lifecycle");
            }

            if (_s.NextRetryAt is { } due && due <= now)
            {
                var attempt = _s.RetriesAttempted + 2;
                var key = IdempotencyKey.Derive(
                    "dunning-retry",
                    _s.Tenant.Value,
                    _s.PastDueSince.Value.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture),
                    attempt.ToString(CultureInfo.InvariantCulture));
                _effects.Add(new AttemptCharge(attempt, key));
                _s = _s with { RetriesAttempted = _s.RetriesAttempted + 1, LastChargeRequestedAt = now, NextRetryAt = null };
            }

            while (Rank(_s.State) >= 1 && NextOnChain(_s.State) is { } next && next <= Cap() && StageDeadline(next) <= now)
            {
                var days = (policy.StageAfter(next) + _s.Grace).Days;
                Hop(next, TransitionCause.DaysPastDue, StageDeadline(next), string.Create(CultureInfo.InvariantCulture, $"{days} days past due"));
            }

            if (_s.Mode == ContractMode.Standard && _s.RetriesExhausted)
            {
                if (policy.WhenRetriesExhausted == RetriesExhaustedAction.MarkUnpaid && Rank(_s.State) >= 1)
                {
                    Hop(DunningState.Unpaid, TransitionCause.RetriesExhausted, now, "Every scheduled retry failed");
                }
                else if (policy.WhenRetriesExhausted == RetriesExhaustedAction.Suspend)
                {
                    while (Rank(_s.State) is >= 1 and < 4)
                    {
                        Hop(NextOnChain(_s.State)!.Value, TransitionCause.RetriesExhausted, now, "Every scheduled retry failed");
                    }
                }
            }
        }

        private void NormalizeRetry()
        {
            var eligible = _s.Mode == ContractMode.Standard
                && _s.PastDueSince is not null
                && _s.Forced is null
                && !_s.RetriesHalted
                && !_s.RetriesExhausted
                && _s.State != DunningState.Canceled
                && _s.RetriesAttempted < policy.RetrySchedule.Length;
            if (!eligible)
            {
                _s = _s with { NextRetryAt = null };
            }
            else if (_s.NextRetryAt is null)
            {
                var scheduled = _s.PastDueSince!.Value + policy.RetrySchedule[_s.RetriesAttempted];
                _s = _s with { NextRetryAt = Later(scheduled, _s.LastChargeRequestedAt + policy.MinimumRetryInterval) };
            }
        }

        private static Instant Later(Instant a, Instant? b) => b is { } other && other > a ? other : a;

        private void Hop(DunningState to, TransitionCause cause, Instant at, string detail)
        {
            if (!IsAllowed(_s.State, to, cause))
            {
                throw new InvalidOperationException($"Dunning machine bug: {_s.State} -> {to} for {cause} is not an allowed transition.");
            }

            if (_transitions.Count > 0 && at < _transitions[^1].At)
            {
                at = _transitions[^1].At;
            }

            _transitions.Add(new DunningTransition(_s.State, to, cause, at, detail));
            _s = _s with { State = to };
            if (TemplateFor(to) is { } template)
            {
                _effects.Add(new NotifyTenant(template));
            }
        }

        private static DunningSnapshot CloseEpisode(DunningSnapshot s) => s with
        {
            PastDueSince = null,
            RetriesAttempted = 0,
            LastChargeRequestedAt = null,
            NextRetryAt = null,
            RetriesHalted = false,
            RetriesExhausted = false,
            Grace = Duration.Zero,
            LastDeclineCode = null,
            LastAttemptNumber = null,
        };

        private DunningDecision Finish()
        {
            Instant? nextStage = null;
            if (_s.Forced is null && _s.PastDueSince is not null && _s.Mode != ContractMode.Enterprise && Rank(_s.State) >= 1
                && NextOnChain(_s.State) is { } next && next <= Cap())
            {
                nextStage = StageDeadline(next);
            }

            var nextDue = (_s.NextRetryAt, nextStage) switch
            {
                ({ } r, { } st) => r < st ? r : st,
                ({ } r, null) => r,
                (null, { } st) => st,
                _ => (Instant?)null,
            };
            _s = _s with { NextStageAt = nextStage, NextDueAt = nextDue, Access = policy.AccessFor(_s.State) };

            if (before.Access != _s.Access)
            {
                _effects.Add(new ChangeAccessLevel(before.Access, _s.Access));
            }

            if (_s.NextRetryAt is { } retry && retry != before.NextRetryAt)
            {
                _effects.Add(new ScheduleRetry(retry, _s.RetriesAttempted + 2));
            }

            var changed = _s with { UpdatedAt = before.UpdatedAt } != before;
            if (changed && now > before.UpdatedAt)
            {
                _s = _s with { UpdatedAt = now };
            }

            return new DunningDecision(DunningOutcome.Applied, _s, _transitions, _effects, _override, _note);
        }
    }
}
