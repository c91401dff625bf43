using System.Globalization;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// The desk's subscription money actions: cancellation (immediately or at period end, the preferred one, optionally
/// with a prorated refund of unused time), comps (a 100 % discount for some periods, as a promotional credit, or a
/// trial end moved into the future), and
/// plan changes (upgrade or downgrade, prorated now or at period end, with the entitlements following: at once, or at
/// period end through <see cref="PlanChangeProcessor"/>). Each action commits the invoicing, ledger and entitlement
/// changes and its audit record in one unit.
/// </summary>
/// <remarks>Thread-safe. Dates (today) are UTC dates.</remarks>
public sealed class SubscriptionDesk
{
    private static readonly DeskAction Cancel = new("subscription.cancel", DeskPermission.ManageSubscriptions);
    private static readonly DeskAction Comp = new("subscription.comp", DeskPermission.ManageSubscriptions);
    private static readonly DeskAction ChangePlan = new("subscription.change-plan", DeskPermission.ManageSubscriptions);
    private static readonly DeskAction ExtendTrial = new("subscription.extend-trial", DeskPermission.ManageSubscriptions);

    private readonly DeskActionRunner _runner;
    private readonly DeskContexts _contexts;
    private readonly SubscriptionService _subscriptions;
    private readonly RefundDesk _refunds;
    private readonly IScheduledPlanChangeStore _scheduled;

    internal SubscriptionDesk(DeskActionRunner runner, DeskContexts contexts, SubscriptionService subscriptions, RefundDesk refunds, IScheduledPlanChangeStore scheduled)
    {
        _runner = runner;
        _contexts = contexts;
        _subscriptions = subscriptions;
        _refunds = refunds;
        _scheduled = scheduled;
    }

    /// <summary>Cancels a subscription, at period end (preferred) or immediately, optionally refunding the unused time.
    /// A plan change scheduled for period end that involves the subscription (as the old or the new one) is canceled
    /// with it, so the entitlements keep their plan.</summary>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="timing">At period end (the tenant keeps what it paid for) or immediately.</param>
    /// <param name="refundUnusedTime">With an immediate cancellation, refund the unused part of the period, prorated
    /// by days, from the subscription's latest paid payment (through its provider, with the refund policy recorded).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription after it and the refund, if any.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is already canceled or scheduled to cancel.</exception>
    [DeskAction("subscription.cancel", DeskPermission.ManageSubscriptions)]
    public Task<CancellationResult> CancelAsync(DeskRequest request, SubscriptionId subscription, CancellationTiming timing, bool refundUnusedTime, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Cancel, request, (scope, ct) => CancelCoreAsync(scope, subscription, timing, refundUnusedTime, ct), cancellationToken);

    /// <summary>Cancels a subscription, at period end (preferred) or immediately, optionally refunding the unused time.
    /// A plan change scheduled for period end that involves the subscription (as the old or the new one) is canceled
    /// with it, so the entitlements keep their plan.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="timing">At period end (the tenant keeps what it paid for) or immediately.</param>
    /// <param name="refundUnusedTime">With an immediate cancellation, refund the unused part of the period, prorated
    /// by days, from the subscription's latest paid payment (through its provider, with the refund policy recorded).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription after it and the refund, if any.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is already canceled or scheduled to cancel.</exception>
    [DeskAction("subscription.cancel", DeskPermission.ManageSubscriptions)]
    public Task<CancellationResult> CancelAsync(ITenantUnitOfWork unit, DeskRequest request, SubscriptionId subscription, CancellationTiming timing, bool refundUnusedTime, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Cancel, request, (scope, ct) => CancelCoreAsync(scope, subscription, timing, refundUnusedTime, ct), cancellationToken);

    /// <summary>Comps a subscription: a 100 % discount for the next periods, posted as a promotional credit of the
    /// subscription's price with tax times the periods, which pays the next charges first.</summary>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="periods">How many periods are free (1 to 36).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The credit posted.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is outside 1 to 36.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    [DeskAction("subscription.comp", DeskPermission.ManageSubscriptions)]
    public Task<CompResult> CompAsync(DeskRequest request, SubscriptionId subscription, int periods, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Comp, request, (scope, ct) => CompCoreAsync(scope, subscription, periods, ct), cancellationToken);

    /// <summary>Comps a subscription: a 100 % discount for the next periods, posted as a promotional credit of the
    /// subscription's price with tax times the periods, which pays the next charges first.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="periods">How many periods are free (1 to 36).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The credit posted.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is outside 1 to 36.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    [DeskAction("subscription.comp", DeskPermission.ManageSubscriptions)]
    public Task<CompResult> CompAsync(ITenantUnitOfWork unit, DeskRequest request, SubscriptionId subscription, int periods, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Comp, request, (scope, ct) => CompCoreAsync(scope, subscription, periods, ct), cancellationToken);

    /// <summary>
    /// Moves a subscription to another plan. Now: the old plan's unused time is credited and the rest of the period on
    /// the new plan charged (both prorated by days, tax included), and the entitlements move to the new plan at once.
    /// At period end: no proration, the entitlements keep the old plan until the period ends, and the change is
    /// recorded (<see cref="PlanChangeResult.Scheduled"/>) for <see cref="PlanChangeProcessor"/> to move them then.
    /// Either way the old subscription ends at the end of the current period and a new one on the new plan starts
    /// there; a change still scheduled for the subscription is superseded (canceled).
    /// </summary>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription to change.</param>
    /// <param name="change">The new plan, its price and when.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The old and new subscriptions, the credit and the charge.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is canceled or already scheduled to cancel.</exception>
    /// <exception cref="CurrencyMismatchException">The new price is in another currency.</exception>
    [DeskAction("subscription.change-plan", DeskPermission.ManageSubscriptions)]
    public Task<PlanChangeResult> ChangePlanAsync(DeskRequest request, SubscriptionId subscription, PlanChange change, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(ChangePlan, request, (scope, ct) => ChangePlanCoreAsync(scope, subscription, change, ct), cancellationToken);

    /// <summary>Moves a subscription to another plan in the caller's unit of work (which the caller commits); see
    /// <see cref="ChangePlanAsync(DeskRequest, SubscriptionId, PlanChange, CancellationToken)"/>.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">The subscription to change.</param>
    /// <param name="change">The new plan, its price and when.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The old and new subscriptions, the credit and the charge.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    [DeskAction("subscription.change-plan", DeskPermission.ManageSubscriptions)]
    public Task<PlanChangeResult> ChangePlanAsync(ITenantUnitOfWork unit, DeskRequest request, SubscriptionId subscription, PlanChange change, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, ChangePlan, request, (scope, ct) => ChangePlanCoreAsync(scope, subscription, change, ct), cancellationToken);

    /// <summary>
    /// Comps a trial by moving its end into the future, in place (<see cref="SubscriptionService.ExtendTrialAsync(ITenantUnitOfWork, SubscriptionId, LocalDate, CancellationToken)"/>):
    /// the subscription keeps its id and terms, and its payment schedule is laid out again from the new trial end.
    /// Nothing was paid in a trial, so nothing is prorated.
    /// </summary>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">A subscription in its trial.</param>
    /// <param name="trialEnd">The new trial end, after the current one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trial before and after (same subscription id).</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is not in a trial, it is scheduled to cancel, the new end is not
    /// later than the current one, or a payment of its schedule is already paid.</exception>
    [DeskAction("subscription.extend-trial", DeskPermission.ManageSubscriptions)]
    public Task<TrialExtension> ExtendTrialAsync(DeskRequest request, SubscriptionId subscription, LocalDate trialEnd, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(ExtendTrial, request, (scope, ct) => ExtendTrialCoreAsync(scope, subscription, trialEnd, ct), cancellationToken);

    /// <summary>
    /// Comps a trial by moving its end into the future, in place (<see cref="SubscriptionService.ExtendTrialAsync(ITenantUnitOfWork, SubscriptionId, LocalDate, CancellationToken)"/>):
    /// the subscription keeps its id and terms, and its payment schedule is laid out again from the new trial end.
    /// Nothing was paid in a trial, so nothing is prorated.
    /// </summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (billing admin or super admin) and the required reason.</param>
    /// <param name="subscription">A subscription in its trial.</param>
    /// <param name="trialEnd">The new trial end, after the current one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trial before and after (same subscription id).</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not manage subscriptions; nothing is written.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is not in a trial, it is scheduled to cancel, the new end is not
    /// later than the current one, or a payment of its schedule is already paid.</exception>
    [DeskAction("subscription.extend-trial", DeskPermission.ManageSubscriptions)]
    public Task<TrialExtension> ExtendTrialAsync(ITenantUnitOfWork unit, DeskRequest request, SubscriptionId subscription, LocalDate trialEnd, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, ExtendTrial, request, (scope, ct) => ExtendTrialCoreAsync(scope, subscription, trialEnd, ct), cancellationToken);

    private async ValueTask<CancellationResult> CancelCoreAsync(DeskActionScope scope, SubscriptionId subscription, CancellationTiming timing, bool refundUnusedTime, CancellationToken cancellationToken)
    {
        var before = await _contexts.RequireAsync(scope.Unit, subscription, cancellationToken).ConfigureAwait(false);
        var after = await _subscriptions.CancelAsync(scope.Unit, subscription, timing, cancellationToken).ConfigureAwait(false);
        scope.Target = subscription.Value;
        var superseded = await CancelScheduledChangesAsync(scope, subscription, cancellationToken).ConfigureAwait(false);
        if (superseded.Count > 0)
        {
            scope.Details["plan_change.canceled"] = string.Join(',', superseded.Select(c => c.Id));
        }

        scope.Details["cancellation.timing"] = timing.ToString();
        scope.Details["ends_on"] = after.EndsOn?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        RefundResult? refund = null;
        if (refundUnusedTime && timing == CancellationTiming.Immediately && RefundDesk.Today(scope.Now) >= before.BillingAnchor)
        {
            var paid = await LatestPaidAsync(scope.Unit, subscription, cancellationToken).ConfigureAwait(false);
            if (paid is not null)
            {
                var unused = RefundDesk.UnusedTimeOf(before, paid.Amount, scope.Now);
                if (unused.IsPositive)
                {
                    refund = await _refunds.RefundCoreAsync(scope, paid, unused, RefundCause.CustomerRequest, cancellationToken).ConfigureAwait(false);
                }
            }

            scope.Target = subscription.Value;
            scope.Details["refund.outcome"] = refund?.Outcome.ToString() ?? "none";
        }

        return new CancellationResult(after, refund);
    }

    private async ValueTask<CompResult> CompCoreAsync(DeskActionScope scope, SubscriptionId subscription, int periods, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periods, 36);
        var comped = await _contexts.RequireAsync(scope.Unit, subscription, cancellationToken).ConfigureAwait(false);
        if (comped.Status == SubscriptionStatus.Canceled)
        {
            throw new SubscriptionStateException(subscription, comped.Status, "comp", "a canceled subscription has no periods left to give away");
        }

        var credit = Gross(comped.Price, comped.TaxRate).Multiply(periods);
        var transaction = await _contexts.Ledger.GrantCreditAsync(
            scope.Unit,
            new CreditRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("comp", subscription.Value, scope.CorrelationId),
                Actor = scope.Request.Actor,
                Amount = credit,
                Kind = CreditKind.Promotional,
                Customer = comped.CustomerId,
                Reason = scope.Request.Reason,
            },
            cancellationToken).ConfigureAwait(false);
        scope.Target = subscription.Value;
        scope.Amount = credit;
        scope.Details["comp.periods"] = periods.ToString(CultureInfo.InvariantCulture);
        return new CompResult(comped, periods, credit, transaction);
    }

    private async ValueTask<TrialExtension> ExtendTrialCoreAsync(DeskActionScope scope, SubscriptionId subscription, LocalDate trialEnd, CancellationToken cancellationToken)
    {
        var trial = await _contexts.RequireAsync(scope.Unit, subscription, cancellationToken).ConfigureAwait(false);
        var extended = await _subscriptions.ExtendTrialAsync(scope.Unit, subscription, trialEnd, cancellationToken).ConfigureAwait(false);
        scope.Target = subscription.Value;
        scope.Details["trial.from"] = trial.TrialEnd?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        scope.Details["trial.to"] = trialEnd.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        return new TrialExtension(trial, extended);
    }

    private async ValueTask<PlanChangeResult> ChangePlanCoreAsync(DeskActionScope scope, SubscriptionId subscriptionId, PlanChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var unit = scope.Unit;
        var old = await _contexts.RequireAsync(scope.Unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        old.Price.EnsureSameCurrency(change.Price);
        var today = RefundDesk.Today(scope.Now);
        var inTrial = today < old.BillingAnchor;
        var zero = Money.Zero(old.Price.Currency);
        var credit = zero;
        var charge = zero;
        if (!inTrial && change.Timing == PlanChangeTiming.Now)
        {
            var period = old.PeriodContaining(today);
            credit = Proration.Remaining(Gross(old.Price, old.TaxRate), period, today);
            charge = Proration.Remaining(Gross(change.Price, old.TaxRate), period, today);
        }

        var previous = await _subscriptions.CancelAsync(unit, subscriptionId, CancellationTiming.AtPeriodEnd, cancellationToken).ConfigureAwait(false);
        var superseded = await CancelScheduledChangesAsync(scope, subscriptionId, cancellationToken).ConfigureAwait(false);
        var starts = previous.EndsOn ?? old.PeriodContaining(today).End;
        var next = await _subscriptions.CreateAsync(
            unit,
            new NewSubscription(old.CustomerId, change.Plan, change.Price, old.Frequency, starts)
            {
                TaxRate = old.TaxRate,
                Description = old.Description,
            },
            cancellationToken).ConfigureAwait(false);

        await PostProrationAsync(scope, old, next, change, credit, charge, today, cancellationToken).ConfigureAwait(false);
        var entitlementsChanged = false;
        ScheduledPlanChange? scheduled = null;
        if (change.Timing == PlanChangeTiming.Now)
        {
            await _contexts.Entitlements.SetPlanAsync(unit, change.Plan, old.BillingAnchor, cancellationToken).ConfigureAwait(false);
            entitlementsChanged = true;
        }
        else
        {
            scheduled = new ScheduledPlanChange("spc_" + Guid.NewGuid().ToString("N"), unit.Tenant, subscriptionId, next.Id, old.PlanId, change.Plan, starts, scope.Now);
            await _scheduled.SaveAsync(unit, scheduled, cancellationToken).ConfigureAwait(false);
            scope.Details["plan_change.id"] = scheduled.Id;
            scope.Details["plan.effective_on"] = starts.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        }

        if (superseded.Count > 0)
        {
            scope.Details["plan_change.canceled"] = string.Join(',', superseded.Select(c => c.Id));
        }

        scope.Target = subscriptionId.Value;
        scope.Amount = charge - credit is var net && net.IsPositive ? net : credit - charge;
        scope.Details["plan.from"] = old.PlanId.Value;
        scope.Details["plan.to"] = change.Plan.Value;
        scope.Details["plan.timing"] = change.Timing.ToString();
        scope.Details["proration.credit"] = string.Create(CultureInfo.InvariantCulture, $"{credit}");
        scope.Details["proration.charge"] = string.Create(CultureInfo.InvariantCulture, $"{charge}");
        scope.Details["subscription.next"] = next.Id.Value;
        return new PlanChangeResult(previous, next, credit, charge, entitlementsChanged) { Scheduled = scheduled };
    }

    private async ValueTask PostProrationAsync(DeskActionScope scope, Subscription old, Subscription next, PlanChange change, Money credit, Money charge, LocalDate today, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{old.Id.Value}:{change.Plan.Value}:{today:uuuu-MM-dd}");
        if (credit.IsPositive)
        {
            await _contexts.Ledger.GrantCreditAsync(
                scope.Unit,
                new CreditRequest
                {
                    IdempotencyKey = IdempotencyKey.Derive("plan-change-credit", key),
                    Actor = scope.Request.Actor,
                    Amount = credit,
                    Kind = CreditKind.Correction,
                    Customer = old.CustomerId,
                    Reason = "Unused time on plan " + old.PlanId.Value + ": " + scope.Request.Reason,
                },
                cancellationToken).ConfigureAwait(false);
        }

        if (charge.IsPositive)
        {
            await _contexts.Ledger.PostChargeAsync(
                scope.Unit,
                new ChargeRequest
                {
                    IdempotencyKey = IdempotencyKey.Derive("plan-change-charge", key),
                    Actor = scope.Request.Actor,
                    Amount = charge,
                    DueDate = today,
                    Customer = old.CustomerId,
                    Subscription = next.Id,
                    Kind = ChargeKind.OneOff,
                    Description = "Rest of the period on plan " + change.Plan.Value,
                },
                cancellationToken).ConfigureAwait(false);
        }

    }

    /// <summary>Cancels the pending scheduled plan changes that involve the subscription: a cancellation or another
    /// change supersedes them, so the entitlements do not move at period end.</summary>
    private async ValueTask<IReadOnlyList<ScheduledPlanChange>> CancelScheduledChangesAsync(DeskActionScope scope, SubscriptionId subscription, CancellationToken cancellationToken)
    {
        var pending = await _scheduled.ListPendingForSubscriptionAsync(scope.Unit, subscription, cancellationToken).ConfigureAwait(false);
        var canceled = new List<ScheduledPlanChange>(pending.Count);
        foreach (var change in pending)
        {
            var resolved = change.Resolve(ScheduledPlanChangeStatus.Canceled, scope.Now);
            await _scheduled.SaveAsync(scope.Unit, resolved, cancellationToken).ConfigureAwait(false);
            canceled.Add(resolved);
        }

        return canceled;
    }

    private async ValueTask<PaymentRecord?> LatestPaidAsync(ITenantUnitOfWork unit, SubscriptionId subscription, CancellationToken cancellationToken)
    {
        var page = await _contexts.Ledger.QueryPaymentsAsync(
            unit.Tenant,
            new PaymentQuery { Search = subscription.Value, Statuses = [PaymentStatus.Paid], SortBy = PaymentSort.PaymentDate, Descending = true, PageSize = 50 },
            cancellationToken).ConfigureAwait(false);
        var latest = page.Items.FirstOrDefault(p => p.Subscription == subscription);
        return latest is null ? null : await _contexts.FindPaymentAsync(unit, latest.Id, cancellationToken).ConfigureAwait(false);
    }

    private static Money Gross(Money price, decimal taxRate) => price.Multiply(1m + taxRate, RoundingMode.HalfEven);
}
