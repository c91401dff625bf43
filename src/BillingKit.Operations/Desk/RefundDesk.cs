using System.Globalization;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;
using NodaTime;
using LedgerRefund = BillingKit.Ledger.RefundRequest;
using ProviderRefundRequest = BillingKit.Providers.RefundRequest;

namespace BillingKit.Operations;

/// <summary>
/// The desk's refunds: a refund (partial or full) of a payment through its provider, a prorated refund of unused
/// time, and the "I was charged twice" check. Each refund checks the refundable remainder in the ledger first (a
/// refund above it is a <see cref="RefundOutcome.Refused"/> result), evaluates the refund policy and records its
/// verdict, calls the provider with an idempotency key derived from our ids, then posts the ledger refund; the
/// refund record, the ledger entry and the audit record commit in one unit. An unknown provider outcome (a timeout)
/// leaves the refund <see cref="RefundOutcome.Pending"/> for reconciliation, never guessed.
/// </summary>
/// <remarks>Thread-safe. Dates (today, for proration) are UTC dates.</remarks>
public sealed class RefundDesk
{
    private static readonly DeskAction Issue = new("refund.issue", DeskPermission.IssueRefund);
    private static readonly DeskAction UnusedTime = new("refund.unused-time", DeskPermission.IssueRefund);

    private readonly DeskActionRunner _runner;
    private readonly DeskContexts _contexts;
    private readonly DeskPaymentProviders _providers;
    private readonly DeskPolicies _policies;
    private readonly IDeskRefundStore _refunds;

    internal RefundDesk(
        DeskActionRunner runner,
        DeskContexts contexts,
        DeskPaymentProviders providers,
        DeskPolicies policies,
        IDeskRefundStore refunds)
    {
        _runner = runner;
        _contexts = contexts;
        _providers = providers;
        _policies = policies;
        _refunds = refunds;
    }

    /// <summary>Refunds part or all of a payment through the provider that holds it, then posts it to the ledger.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="payment">Our payment id (the ledger's payment record says its provider and charge id).</param>
    /// <param name="amount">The amount to give back, in the payment's currency (the refundable remainder for a full refund).</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result: refunded, pending, refused (with why) or failed at the provider.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    /// <exception cref="CurrencyMismatchException">The amount is in another currency than the payment.</exception>
    /// <exception cref="ProviderException">The provider failed in a way that says it did not refund (unavailable, rate limited, invalid); nothing is written.</exception>
    [DeskAction("refund.issue", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundAsync(DeskRequest request, PaymentId payment, Money amount, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Issue, request, (scope, ct) => RefundPaymentAsync(scope, payment, amount, cause, ct), cancellationToken);

    /// <summary>Refunds part or all of a payment in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">The tenant, the actor and the required reason.</param>
    /// <param name="payment">Our payment id.</param>
    /// <param name="amount">The amount to give back.</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    [DeskAction("refund.issue", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundAsync(ITenantUnitOfWork unit, DeskRequest request, PaymentId payment, Money amount, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Issue, request, (scope, ct) => RefundPaymentAsync(scope, payment, amount, cause, ct), cancellationToken);

    /// <summary>Refunds part or all of a payment named by its provider and the provider's charge id.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="provider">The provider: Stripe, Paystack, Flutterwave or Offline.</param>
    /// <param name="providerChargeId">The provider's charge (or payment intent) id, as recorded on the ledger payment.</param>
    /// <param name="amount">The amount to give back.</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">No payment of the tenant has that provider and charge id.</exception>
    [DeskAction("refund.issue", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundChargeAsync(DeskRequest request, ProviderName provider, string providerChargeId, Money amount, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Issue, request, (scope, ct) => RefundChargeCoreAsync(scope, provider, providerChargeId, amount, cause, ct), cancellationToken);

    /// <summary>Refunds part or all of a payment named by its provider and the provider's charge id.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="provider">The provider: Stripe, Paystack, Flutterwave or Offline.</param>
    /// <param name="providerChargeId">The provider's charge (or payment intent) id, as recorded on the ledger payment.</param>
    /// <param name="amount">The amount to give back.</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="PaymentNotFoundException">No payment of the tenant has that provider and charge id.</exception>
    [DeskAction("refund.issue", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundChargeAsync(ITenantUnitOfWork unit, DeskRequest request, ProviderName provider, string providerChargeId, Money amount, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Issue, request, (scope, ct) => RefundChargeCoreAsync(scope, provider, providerChargeId, amount, cause, ct), cancellationToken);

    /// <summary>
    /// Refunds the unused part of the current billing period of a subscription payment, prorated by days from today to
    /// the period's end (Core <see cref="Proration.Remaining"/>), in one call.
    /// </summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="payment">A paid payment of a subscription (the ledger payment's subscription).</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result; <see cref="RefundResult.Requested"/> is the prorated amount.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="ArgumentException">The payment belongs to no subscription.</exception>
    [DeskAction("refund.unused-time", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundUnusedTimeAsync(DeskRequest request, PaymentId payment, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(UnusedTime, request, (scope, ct) => RefundUnusedTimeCoreAsync(scope, payment, cause, ct), cancellationToken);

    /// <summary>
    /// Refunds the unused part of the current billing period of a subscription payment, prorated by days from today to
    /// the period's end (Core <see cref="Proration.Remaining"/>), in one call.
    /// </summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="payment">A paid payment of a subscription (the ledger payment's subscription).</param>
    /// <param name="cause">Why, for the refund policy.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The result; <see cref="RefundResult.Requested"/> is the prorated amount.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not refund; nothing is written.</exception>
    /// <exception cref="ArgumentException">The payment belongs to no subscription.</exception>
    [DeskAction("refund.unused-time", DeskPermission.IssueRefund)]
    public Task<RefundResult> RefundUnusedTimeAsync(ITenantUnitOfWork unit, DeskRequest request, PaymentId payment, RefundCause cause, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, UnusedTime, request, (scope, ct) => RefundUnusedTimeCoreAsync(scope, payment, cause, ct), cancellationToken);

    /// <summary>
    /// The "I was charged twice" check: the tenant's paid payments of the same customer, the same amount and the same
    /// day (UTC), with the refund that would undo the duplicates.
    /// </summary>
    /// <param name="actor">Who asks (any role that views billing).</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="from">The first payment date to look at (inclusive).</param>
    /// <param name="to">The last payment date to look at (inclusive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The suspected duplicates, each with the original and the suggested refund.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<IReadOnlyList<SuspectedDuplicateCharge>> FindDuplicateChargesAsync(Actor actor, TenantId tenant, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        var facts = new List<PaymentFacts>();
        var pageNumber = 1;
        while (true)
        {
            var page = await _contexts.Ledger.QueryPaymentsAsync(
                tenant,
                new PaymentQuery { Statuses = [PaymentStatus.Paid], PaidFrom = from, PaidTo = to, PageNumber = pageNumber, PageSize = 200 },
                cancellationToken).ConfigureAwait(false);
            facts.AddRange(page.Items.Select(p => FactsOf(tenant, p, p.Refundable)));
            if (!page.HasNextPage)
            {
                break;
            }

            pageNumber++;
        }

        return DeskPolicies.FindDuplicateCharges(facts, DateTimeZone.Utc);
    }

    /// <summary>The unused part of the current period of a subscription, prorated by days.</summary>
    internal static Money UnusedTimeOf(Subscription subscription, Money paid, Instant now)
    {
        var today = Today(now);
        var period = subscription.PeriodContaining(today);
        return Proration.Remaining(paid, period, today);
    }

    internal static LocalDate Today(Instant now) => now.InUtc().Date;

    /// <summary>The refund itself, inside a desk action's scope (also used by cancellations with a prorated refund).</summary>
    internal async ValueTask<RefundResult> RefundCoreAsync(DeskActionScope scope, PaymentRecord payment, Money amount, RefundCause cause, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        payment.Amount.EnsureSameCurrency(amount);
        scope.Target = payment.Id.Value;
        scope.Amount = amount;
        scope.Details["provider"] = payment.Provider.ToString();
        scope.Details["refund.cause"] = cause.ToString();

        var existing = await _refunds.ListForPaymentAsync(unit, payment.Id, cancellationToken).ConfigureAwait(false);
        var pending = existing.Where(r => r.Status == DeskRefundStatus.Pending).ToList();
        var ledgerRefundable = await _contexts.Ledger.GetRefundableAmountAsync(unit, payment.Id, cancellationToken).ConfigureAwait(false);
        var pendingTotal = pending.Aggregate(Money.Zero(payment.Amount.Currency), (sum, r) => sum + r.Amount);
        var refundable = Money.Max(ledgerRefundable - pendingTotal, Money.Zero(payment.Amount.Currency));

        // A retry of a refund whose outcome is unknown reuses its key, so the provider never refunds twice.
        var retry = pending.FirstOrDefault(r => r.Amount == amount && r.ProviderRefundId is null);
        DeskRefund refund;
        RefundVerdict? verdict = null;
        if (retry is not null)
        {
            refund = retry;
            scope.Details["refund.retry"] = retry.Id;
        }
        else
        {
            if (!amount.IsPositive || amount > refundable)
            {
                var why = !amount.IsPositive
                    ? $"A refund must be above zero; {amount} was asked for."
                    : pending.Count > 0
                        ? $"{amount} is above the {refundable} still refundable on payment '{payment.Id}' ({pendingTotal} is pending reconciliation)."
                        : $"{amount} is above the {refundable} still refundable on payment '{payment.Id}'.";
                return Refuse(scope, payment.Id, amount, refundable, null, RefundPolicy.AboveRefundable, why);
            }

            verdict = _policies.EvaluateRefund(FactsOf(scope.Request.Tenant, payment, refundable), amount, cause, scope.Now);
            DeskPolicies.Record(scope, verdict);
            if (verdict.Decision == RefundDecision.Refused)
            {
                return Refuse(scope, payment.Id, amount, refundable, verdict, verdict.Rule, verdict.Explanation);
            }

            refund = NewRefund(scope, payment, amount, existing.Count + 1, verdict.Rule);
        }

        return await SendAsync(scope, payment, refund, amount, cause, refundable, verdict, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RefundResult> RefundChargeCoreAsync(DeskActionScope scope, ProviderName provider, string providerChargeId, Money amount, RefundCause cause, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerChargeId);
        var payment = await _contexts.FindByProviderReferenceAsync(scope.Unit, provider, providerChargeId, cancellationToken).ConfigureAwait(false)
            ?? throw new PaymentNotFoundException(scope.Request.Tenant, PaymentId.From("provider:" + provider + ":" + providerChargeId));
        return await RefundCoreAsync(scope, payment, amount, cause, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RefundResult> RefundUnusedTimeCoreAsync(DeskActionScope scope, PaymentId payment, RefundCause cause, CancellationToken cancellationToken)
    {
        var record = await _contexts.Ledger.GetPaymentAsync(scope.Unit, payment, cancellationToken).ConfigureAwait(false);
        var subscriptionId = record.Subscription
            ?? throw new ArgumentException($"Payment '{payment}' belongs to no subscription, so it has no unused time; refund an amount with RefundAsync instead.", nameof(payment));
        var subscription = await _contexts.RequireAsync(scope.Unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var unused = UnusedTimeOf(subscription, record.Amount, scope.Now);
        scope.Details["proration.period"] = string.Create(CultureInfo.InvariantCulture, $"{subscription.PeriodContaining(Today(scope.Now))}");
        return await RefundCoreAsync(scope, record, unused, cause, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RefundResult> SendAsync(
        DeskActionScope scope,
        PaymentRecord payment,
        DeskRefund refund,
        Money amount,
        RefundCause cause,
        Money refundable,
        RefundVerdict? verdict,
        CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        scope.Details["refund.id"] = refund.Id;
        var provider = _providers.Get(payment.Provider);
        ProviderRefund answer;
        try
        {
            answer = await provider.RefundAsync(
                new ProviderRefundRequest(refund.ProviderPaymentId, refund.IdempotencyKey)
                {
                    Amount = amount,
                    Reason = ReasonOf(cause),
                    Note = refund.Id,
                    PaymentId = payment.Id,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException exception) when (exception.Kind == ProviderErrorKind.Network)
        {
            // The provider may or may not have refunded: keep it pending for reconciliation, never guess.
            var unknown = refund with { Status = DeskRefundStatus.Pending, UpdatedAt = scope.Now, FailureReason = "unknown outcome: " + exception.Code };
            await _refunds.SaveAsync(unit, unknown, cancellationToken).ConfigureAwait(false);
            scope.Details["refund.status"] = nameof(DeskRefundStatus.Pending);
            return new RefundResult(RefundOutcome.Pending, payment.Id, amount, refundable, verdict, unknown, "The provider did not answer; the refund is pending until reconciliation or the provider's event says what happened.");
        }

        switch (answer.Status)
        {
            case ProviderRefundStatus.Succeeded:
                var done = refund with { Status = DeskRefundStatus.Succeeded, ProviderRefundId = answer.ProviderRefundId, UpdatedAt = scope.Now, FailureReason = null };
                await PostLedgerRefundAsync(unit, scope.Request.Actor, done, cancellationToken).ConfigureAwait(false);
                await _refunds.SaveAsync(unit, done, cancellationToken).ConfigureAwait(false);
                scope.Details["refund.status"] = nameof(DeskRefundStatus.Succeeded);
                scope.Details["provider.refund"] = answer.ProviderRefundId;
                return new RefundResult(RefundOutcome.Refunded, payment.Id, amount, refundable, verdict, done, $"{amount} refunded through {payment.Provider} and posted to the ledger.");
            case ProviderRefundStatus.Failed or ProviderRefundStatus.Canceled:
                var failed = refund with { Status = DeskRefundStatus.Failed, ProviderRefundId = answer.ProviderRefundId, UpdatedAt = scope.Now, FailureReason = answer.FailureReason ?? answer.Status.ToString() };
                await _refunds.SaveAsync(unit, failed, cancellationToken).ConfigureAwait(false);
                scope.Outcome = AuditOutcome.Refused;
                scope.Details["refund.status"] = nameof(DeskRefundStatus.Failed);
                return new RefundResult(RefundOutcome.Failed, payment.Id, amount, refundable, verdict, failed, $"{payment.Provider} did not refund: {failed.FailureReason}.");
            default:
                var waiting = refund with { Status = DeskRefundStatus.Pending, ProviderRefundId = answer.ProviderRefundId, UpdatedAt = scope.Now };
                await _refunds.SaveAsync(unit, waiting, cancellationToken).ConfigureAwait(false);
                scope.Details["refund.status"] = nameof(DeskRefundStatus.Pending);
                scope.Details["provider.refund"] = answer.ProviderRefundId;
                return new RefundResult(RefundOutcome.Pending, payment.Id, amount, refundable, verdict, waiting, $"{payment.Provider} is processing the refund ({answer.Status}); the ledger follows its refund event.");
        }
    }

    /// <summary>Posts a succeeded refund to the ledger (idempotent on the refund id).</summary>
    internal ValueTask<PaymentUpdate> PostLedgerRefundAsync(ITenantUnitOfWork unit, Actor actor, DeskRefund refund, CancellationToken cancellationToken) =>
        new(_contexts.Ledger.RefundAsync(
            unit,
            new LedgerRefund
            {
                IdempotencyKey = IdempotencyKey.Derive("refund-posting", refund.Id),
                Actor = actor,
                Payment = refund.Payment,
                Amount = refund.Amount,
                Reason = refund.Reason,
                ProviderReference = refund.ProviderRefundId,
            },
            cancellationToken));

    private async ValueTask<RefundResult> RefundPaymentAsync(DeskActionScope scope, PaymentId payment, Money amount, RefundCause cause, CancellationToken cancellationToken)
    {
        var record = await _contexts.Ledger.GetPaymentAsync(scope.Unit, payment, cancellationToken).ConfigureAwait(false);
        return await RefundCoreAsync(scope, record, amount, cause, cancellationToken).ConfigureAwait(false);
    }

    private static DeskRefund NewRefund(DeskActionScope scope, PaymentRecord payment, Money amount, int number, string rule)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"ref_{payment.Id.Value}_{number}");
        return new DeskRefund
        {
            Id = id,
            Tenant = scope.Request.Tenant,
            Payment = payment.Id,
            Provider = payment.Provider,
            ProviderPaymentId = payment.ProviderReference ?? payment.Id.Value,
            Amount = amount,
            Status = DeskRefundStatus.Pending,
            IdempotencyKey = IdempotencyKey.Derive("refund", scope.Request.Tenant.Value, id),
            Reason = scope.Request.Reason,
            RequestedBy = scope.Request.Actor.Id,
            RequestedAt = scope.Now,
            UpdatedAt = scope.Now,
            PolicyRule = rule,
        };
    }

    private static RefundResult Refuse(DeskActionScope scope, PaymentId payment, Money amount, Money refundable, RefundVerdict? verdict, string rule, string why)
    {
        scope.Outcome = AuditOutcome.Refused;
        scope.Details["policy.rule"] = rule;
        scope.Details["refundable"] = string.Create(CultureInfo.InvariantCulture, $"{refundable}");
        return new RefundResult(RefundOutcome.Refused, payment, amount, refundable, verdict, null, why);
    }

    internal static PaymentFacts FactsOf(TenantId tenant, PaymentRecord payment, Money refundable) => new()
    {
        Payment = payment.Id,
        Tenant = tenant,
        Customer = payment.Customer,
        Provider = payment.Provider,
        ProviderChargeId = payment.ProviderReference,
        Amount = payment.Amount,
        Refunded = Money.Max(payment.Amount - refundable, Money.Zero(payment.Amount.Currency)),
        PaidAt = (payment.PaymentDate ?? Today(payment.UpdatedAt)).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        Succeeded = payment.Status == PaymentStatus.Paid,
        IsRenewal = payment.Subscription is not null,
    };

    private static RefundReason ReasonOf(RefundCause cause) => cause switch
    {
        RefundCause.DuplicateCharge => RefundReason.Duplicate,
        RefundCause.Goodwill => RefundReason.Goodwill,
        RefundCause.ServiceIssue or RefundCause.TechnicalError => RefundReason.ServiceIssue,
        RefundCause.CustomerRequest or RefundCause.AccidentalRenewal => RefundReason.RequestedByCustomer,
        _ => RefundReason.Other,
    };
}
