using System.Globalization;
using BillingKit.Invoicing;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Applies the plan changes scheduled for period end (<see cref="PlanChangeTiming.AtPeriodEnd"/>) once their period
/// has ended: the tenant's entitlements move to the new plan and the old subscription's cancellation completes. The
/// host's scheduler calls <see cref="ApplyDuePlanChangesAsync"/> as time passes (for example hourly, or daily just
/// after midnight UTC), as it calls <c>DunningProcessor.RunDueAsync</c>.
/// </summary>
/// <remarks>Each change is applied in its own unit of work with one audit record (action
/// <c>subscription.apply-plan-change</c>, by <see cref="Actor.System"/>), so one tenant's failure does not hold back
/// another's. A change applied or canceled is never applied again: running twice for the same instant changes nothing
/// the second time, and concurrent runs serialize per tenant through the unit-of-work factory. Thread-safe.</remarks>
public sealed class PlanChangeProcessor
{
    /// <summary>The reason written on the audit record of each applied change.</summary>
    public const string Reason = "Scheduled plan change";

    private static readonly DeskAction Apply = new("subscription.apply-plan-change", DeskPermission.ManageSubscriptions);

    private readonly DeskActionRunner _runner;
    private readonly IUnitOfWorkFactory _units;
    private readonly IScheduledPlanChangeStore _store;
    private readonly DeskContexts _contexts;
    private readonly SubscriptionService _subscriptions;

    internal PlanChangeProcessor(DeskActionRunner runner, IUnitOfWorkFactory units, IScheduledPlanChangeStore store, DeskContexts contexts, SubscriptionService subscriptions)
    {
        _runner = runner;
        _units = units;
        _store = store;
        _contexts = contexts;
        _subscriptions = subscriptions;
    }

    /// <summary>Applies every scheduled plan change due at <paramref name="now"/> (effective on or before its UTC date) that is still pending.</summary>
    /// <param name="now">The instant to run for.</param>
    /// <param name="cancellationToken">Cancels between changes; a change already committed stays applied.</param>
    /// <returns>The changes this run resolved, as stored: <see cref="ScheduledPlanChangeStatus.Applied"/>, or
    /// <see cref="ScheduledPlanChangeStatus.Canceled"/> when the new subscription had been canceled outside the desk.</returns>
    public async Task<IReadOnlyList<ScheduledPlanChange>> ApplyDuePlanChangesAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var candidates = await _store.ListPendingDueAsync(RefundDesk.Today(now), cancellationToken).ConfigureAwait(false);
        var resolved = new List<ScheduledPlanChange>();
        foreach (var candidate in DuePlanChanges.Select(candidates, now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = await _units.BeginAsync(candidate.Tenant, cancellationToken).ConfigureAwait(false);
            await using (unit.ConfigureAwait(false))
            {
                // Read again in the tenant's unit: a concurrent run or a cancellation may have resolved it meanwhile.
                var current = await _store.FindAsync(unit, candidate.Id, cancellationToken).ConfigureAwait(false);
                if (current is null || !DuePlanChanges.IsDue(current, now))
                {
                    continue;
                }

                var request = new DeskRequest(Actor.System, current.Tenant, Reason, current.Id);
                var after = await _runner.RunAsync(unit, Apply, request, (scope, ct) => ApplyCoreAsync(scope, current, now, ct), cancellationToken).ConfigureAwait(false);
                await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
                resolved.Add(after);
            }
        }

        return resolved;
    }

    private async ValueTask<ScheduledPlanChange> ApplyCoreAsync(DeskActionScope scope, ScheduledPlanChange change, Instant now, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        scope.Target = change.Subscription.Value;
        scope.Details["plan.from"] = change.From.Value;
        scope.Details["plan.to"] = change.To.Value;
        scope.Details["plan.effective_on"] = change.EffectiveOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        scope.Details["subscription.next"] = change.Next.Value;
        scope.Details["plan_change.id"] = change.Id;

        var next = await _contexts.RequireAsync(unit, change.Next, cancellationToken).ConfigureAwait(false);
        if (next.Status == SubscriptionStatus.Canceled)
        {
            var canceled = change.Resolve(ScheduledPlanChangeStatus.Canceled, now);
            await _store.SaveAsync(unit, canceled, cancellationToken).ConfigureAwait(false);
            scope.Outcome = AuditOutcome.Refused;
            scope.Details["plan_change.outcome"] = "the new subscription was canceled; the entitlements keep their plan";
            return canceled;
        }

        var entitlementsChanged = await _contexts.HasEntitlementsAsync(unit, cancellationToken).ConfigureAwait(false);
        if (entitlementsChanged)
        {
            await _contexts.Entitlements.SetPlanAsync(unit, change.To, next.BillingAnchor, cancellationToken).ConfigureAwait(false);
        }

        var today = RefundDesk.Today(now);
        await _subscriptions.ChangeStatusAsync(unit, change.Subscription, s => s.ApplyScheduledCancellation(today), cancellationToken).ConfigureAwait(false);
        var applied = change.Resolve(ScheduledPlanChangeStatus.Applied, now);
        await _store.SaveAsync(unit, applied, cancellationToken).ConfigureAwait(false);
        scope.Details["plan_change.outcome"] = entitlementsChanged ? "entitlements moved to the new plan" : "the tenant has no entitlements to move";
        return applied;
    }
}
