using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;
using Microsoft.Extensions.Logging;

namespace BillingKit.Operations;

/// <summary>
/// The one handler for provider-neutral events (after the adapter verified the webhook): payment succeeded or failed
/// (with its decline code), refund succeeded or failed, dispute opened or closed. It moves the ledger, the invoice,
/// dunning (and the access level dunning decides, pushed to entitlements), refunds and disputes together in one unit
/// with an audit record by the System actor. It is idempotent on the provider's event id (checked and written in the
/// same unit, so a replayed event writes nothing) and never moves state backwards on a stale event: dunning ignores
/// payment events older than the newest applied, and refunds and disputes ignore events older than their last one.
/// </summary>
/// <remarks>Thread-safe. Payment outcomes also feed the mass-payment-failure monitor; a new dispute raises an escalation.</remarks>
public sealed class ProviderEventProcessor
{
    private static readonly DeskAction Handle = new("provider-event.handle", DeskPermission.HandleProviderEvents);

    private readonly DeskActionRunner _runner;
    private readonly IUnitOfWorkFactory _units;
    private readonly IProcessedEventStore _processed;
    private readonly DeskContexts _contexts;
    private readonly IDeskRefundStore _refunds;
    private readonly RefundDesk _refundDesk;
    private readonly DisputeBook _disputes;
    private readonly InvoiceService _invoices;
    private readonly MassPaymentFailureMonitor _massFailures;
    private readonly Escalations _escalations;
    private readonly ILogger _logger;

    internal ProviderEventProcessor(
        DeskActionRunner runner,
        IUnitOfWorkFactory units,
        IProcessedEventStore processed,
        DeskContexts contexts,
        IDeskRefundStore refunds,
        RefundDesk refundDesk,
        DisputeBook disputes,
        InvoiceService invoices,
        MassPaymentFailureMonitor massFailures,
        Escalations escalations,
        ILogger<ProviderEventProcessor> logger)
    {
        _runner = runner;
        _units = units;
        _processed = processed;
        _contexts = contexts;
        _refunds = refunds;
        _refundDesk = refundDesk;
        _disputes = disputes;
        _invoices = invoices;
        _massFailures = massFailures;
        _escalations = escalations;
        _logger = logger;
    }

    /// <summary>Handles one verified provider event for a tenant.</summary>
    /// <param name="tenant">The tenant the event concerns (the host resolves it, for example from the provider
    /// customer id or the account the webhook was delivered to).</param>
    /// <param name="billingEvent">The event, as an adapter's <see cref="IWebhookParser"/> produced it.</param>
    /// <param name="cancellationToken">Cancels the operation (nothing is written then; the provider redelivers).</param>
    /// <returns>What it did; <see cref="ProviderEventOutcome.Duplicate"/> for a replay.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="billingEvent"/> is null.</exception>
    /// <exception cref="BillingException">A context refused the change (for example a currency mismatch); nothing was
    /// written and the event is not marked handled, so a redelivery tries again.</exception>
    public async Task<ProviderEventResult> HandleAsync(TenantId tenant, BillingEvent billingEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(billingEvent);
        ProviderEventResult result;
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            if (await _processed.IsProcessedAsync(unit, billingEvent.Provider, billingEvent.Account, billingEvent.EventId, cancellationToken).ConfigureAwait(false))
            {
                MoneyDeskLog.EventReplayed(_logger, billingEvent.EventId, billingEvent.Provider, tenant);
                return new ProviderEventResult(ProviderEventOutcome.Duplicate, billingEvent.EventId, "Already handled; nothing was written.");
            }

            var request = new DeskRequest(
                Actor.System,
                tenant,
                $"Provider event {billingEvent.EventType} {billingEvent.EventId} from {billingEvent.Provider}",
                billingEvent.Provider + ":" + billingEvent.EventId);
            result = await _runner.RunAsync(unit, Handle, request, (scope, ct) => HandleCoreAsync(scope, billingEvent, ct), cancellationToken).ConfigureAwait(false);
            await _processed.MarkProcessedAsync(unit, billingEvent.Provider, billingEvent.Account, billingEvent.EventId, billingEvent.OccurredAt, cancellationToken).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        MoneyDeskLog.EventHandled(_logger, billingEvent.EventType, billingEvent.EventId, billingEvent.Provider, tenant, result.Outcome);
        await AfterCommitAsync(tenant, billingEvent, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async ValueTask AfterCommitAsync(TenantId tenant, BillingEvent billingEvent, ProviderEventResult result, CancellationToken cancellationToken)
    {
        foreach (var transition in result.Dunning?.Transitions ?? [])
        {
            var from = transition.From.ToString();
            var to = transition.To.ToString();
            BillingKitTelemetry.DunningTransition(from, to);
            DeskLog.DunningTransition(_logger, tenant, from, to);
        }

        // Every payment outcome the provider reports counts for mass-failure detection, ours on the books or not.
        if (billingEvent is PaymentSucceededEvent or PaymentFailedEvent)
        {
            await _massFailures.RecordAsync(tenant, succeeded: billingEvent is PaymentSucceededEvent, cancellationToken).ConfigureAwait(false);
        }

        if (billingEvent is DisputeOpenedEvent opened && result.Outcome == ProviderEventOutcome.Applied)
        {
            await _escalations.RaiseAsync(
                EscalationKind.Dispute,
                $"Dispute {opened.ProviderDisputeId} of {opened.Amount} opened at {opened.Provider}",
                tenant,
                opened.Provider + ":" + opened.EventId,
                cancellationToken).ConfigureAwait(false);
        }
        else if (result.Outcome == ProviderEventOutcome.NeedsAttention)
        {
            await _escalations.RaiseAsync(
                EscalationKind.ProviderSyncError,
                $"{billingEvent.Provider} event {billingEvent.EventType} {billingEvent.EventId} needs staff: {result.Note}",
                tenant,
                billingEvent.Provider + ":" + billingEvent.EventId,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ProviderEventResult> HandleCoreAsync(DeskActionScope scope, BillingEvent billingEvent, CancellationToken cancellationToken)
    {
        scope.Details["event.type"] = billingEvent.EventType;
        scope.Details["event.id"] = billingEvent.EventId;
        scope.Details["provider"] = billingEvent.Provider.ToString();
        var result = billingEvent switch
        {
            PaymentSucceededEvent succeeded => await PaymentSucceededAsync(scope, succeeded, cancellationToken).ConfigureAwait(false),
            PaymentFailedEvent failed => await PaymentFailedAsync(scope, failed, cancellationToken).ConfigureAwait(false),
            RefundSucceededEvent refunded => await RefundSucceededAsync(scope, refunded, cancellationToken).ConfigureAwait(false),
            RefundFailedEvent refundFailed => await RefundFailedAsync(scope, refundFailed, cancellationToken).ConfigureAwait(false),
            DisputeOpenedEvent opened => await DisputeOpenedAsync(scope, opened, cancellationToken).ConfigureAwait(false),
            DisputeClosedEvent closed => await DisputeClosedAsync(scope, closed, cancellationToken).ConfigureAwait(false),
            _ => Ignored(billingEvent, "BillingKit does not act on this event type."),
        };
        scope.Details["event.outcome"] = result.Outcome.ToString();
        if (result.Note is { } note)
        {
            scope.Details["event.note"] = note;
        }

        if (result.Dunning is { } dunning)
        {
            scope.Details["dunning.outcome"] = dunning.Outcome.ToString();
            scope.Details["dunning.state"] = dunning.Snapshot.State.ToString();
            scope.Details["access"] = dunning.Snapshot.Access.ToString();
        }

        return result;
    }

    private async ValueTask<ProviderEventResult> PaymentSucceededAsync(DeskActionScope scope, PaymentSucceededEvent e, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        scope.Amount = e.Amount;
        var payment = await FindPaymentAsync(unit, e.Provider, e.PaymentId, e.ProviderPaymentId, e.ProviderChargeId, cancellationToken).ConfigureAwait(false);
        string? note = null;
        var moved = false;
        if (payment is null)
        {
            note = "No ledger payment matches the provider payment; the ledger is unchanged.";
        }
        else
        {
            scope.Target = payment.Id.Value;
            if (payment.Status is PaymentStatus.Pending or PaymentStatus.Processing or PaymentStatus.Failed)
            {
                payment = (await _contexts.Ledger.MarkAsPaidAsync(
                    unit,
                    new MarkAsPaidRequest
                    {
                        IdempotencyKey = IdempotencyKey.Derive("provider-paid", e.Provider.ToString(), e.ProviderPaymentId),
                        Actor = Actor.System,
                        Payment = payment.Id,
                        PaymentDate = e.OccurredAt.InUtc().Date,
                        Method = payment.Method,
                        ProviderReference = e.ProviderPaymentId,
                    },
                    cancellationToken).ConfigureAwait(false)).Payment;
                moved = true;
            }

            if (payment.Status == PaymentStatus.Paid && payment.Invoice is { } invoice)
            {
                (var recorded, note) = await RecordInvoicePaymentAsync(unit, invoice, payment, cancellationToken).ConfigureAwait(false);
                moved |= recorded;
            }
        }

        var dunning = await _contexts.ApplyDunningAsync(unit, new PaymentSucceeded(e.OccurredAt), cancellationToken).ConfigureAwait(false);
        if (payment is { Status: PaymentStatus.Cancelled })
        {
            // Money taken at the provider for a payment we had given up on (say an old hosted checkout page): it is
            // not in the ledger, so staff refund it or record it again.
            return new ProviderEventResult(
                ProviderEventOutcome.NeedsAttention,
                e.EventId,
                $"The provider reports payment {payment.Id.Value} paid ({e.Amount}), but the ledger had cancelled it; the money is not in the ledger: refund it or record it again.")
            { Dunning = dunning };
        }

        return PaymentResult(e, moved, note, dunning);
    }

    private async ValueTask<ProviderEventResult> PaymentFailedAsync(DeskActionScope scope, PaymentFailedEvent e, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        scope.Amount = e.Amount;
        if (e.DeclineCode is { } decline)
        {
            scope.Details["decline_code"] = decline;
        }

        var payment = await FindPaymentAsync(unit, e.Provider, e.PaymentId, e.ProviderPaymentId, null, cancellationToken).ConfigureAwait(false);
        string? note = null;
        var moved = false;
        if (payment is null)
        {
            note = "No ledger payment matches the provider payment; only dunning follows.";
        }
        else if (payment.Status is PaymentStatus.Paid or PaymentStatus.Cancelled)
        {
            scope.Target = payment.Id.Value;
            note = $"The ledger payment is already {payment.Status}; a failure does not move it back.";
        }
        else
        {
            scope.Target = payment.Id.Value;
            if (payment.Status == PaymentStatus.Failed)
            {
                await _contexts.Ledger.StartPaymentAttemptAsync(
                    unit,
                    new StartPaymentAttemptRequest
                    {
                        IdempotencyKey = IdempotencyKey.Derive("provider-attempt", e.Provider.ToString(), e.EventId),
                        Actor = Actor.System,
                        Payment = payment.Id,
                        ProviderReference = e.ProviderPaymentId,
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            payment = (await _contexts.Ledger.MarkPaymentFailedAsync(
                unit,
                new PaymentFailedRequest
                {
                    IdempotencyKey = IdempotencyKey.Derive("provider-failed", e.Provider.ToString(), e.EventId),
                    Actor = Actor.System,
                    Payment = payment.Id,
                    FailureReason = e.FailureMessage ?? e.FailureCode ?? "The provider reported the payment failed.",
                    DeclineCode = e.DeclineCode,
                },
                cancellationToken).ConfigureAwait(false)).Payment;
            moved = true;
        }

        var attempt = Math.Max(1, payment?.Attempts.Count ?? 1);
        var dunning = await _contexts.ApplyDunningAsync(unit, new PaymentFailed(e.OccurredAt, e.DeclineCode, attempt), cancellationToken).ConfigureAwait(false);
        return PaymentResult(e, moved, note, dunning);
    }

    private async ValueTask<ProviderEventResult> RefundSucceededAsync(DeskActionScope scope, RefundSucceededEvent e, CancellationToken cancellationToken)
    {
        var unit = scope.Unit;
        var (refund, payment) = await MatchRefundAsync(unit, e, cancellationToken).ConfigureAwait(false);
        if (refund is null)
        {
            if (payment is null || e.Amount is not { } amount || e.ProviderRefundId is null)
            {
                return Ignored(e, "No refund or ledger payment of ours matches, or the event has no amount; the ledger is unchanged.");
            }

            // A refund made at the provider (for example in its dashboard): record it and post it.
            refund = new DeskRefund
            {
                Id = "ref_" + e.ProviderRefundId,
                Tenant = scope.Request.Tenant,
                Payment = payment.Id,
                Provider = e.Provider,
                ProviderPaymentId = e.ProviderPaymentId,
                Amount = amount,
                Status = DeskRefundStatus.Pending,
                IdempotencyKey = IdempotencyKey.Derive("refund", scope.Request.Tenant.Value, "ref_" + e.ProviderRefundId),
                Reason = "Refunded at " + e.Provider,
                RequestedBy = Actor.System.Id,
                RequestedAt = e.OccurredAt,
                UpdatedAt = scope.Now,
            };
            var refundable = await _contexts.Ledger.GetRefundableAmountAsync(unit, payment.Id, cancellationToken).ConfigureAwait(false);
            if (amount > refundable)
            {
                return Ignored(e, $"The provider refunded {amount} but the ledger has only {refundable} refundable; staff must reconcile.") with { Outcome = ProviderEventOutcome.NeedsAttention };
            }
        }

        scope.Target = refund.Id;
        scope.Amount = refund.Amount;
        if (refund.LastEventAt is { } last && last > e.OccurredAt)
        {
            return Ignored(e, "Stale: the refund already took a newer provider event.") with { Refund = refund };
        }

        if (refund.Status == DeskRefundStatus.Succeeded)
        {
            var seen = refund with { LastEventAt = e.OccurredAt };
            await _refunds.SaveAsync(unit, seen, cancellationToken).ConfigureAwait(false);
            return Ignored(e, "The refund is already posted.") with { Refund = seen };
        }

        var done = refund with
        {
            Status = DeskRefundStatus.Succeeded,
            ProviderRefundId = e.ProviderRefundId ?? refund.ProviderRefundId,
            LastEventAt = e.OccurredAt,
            UpdatedAt = scope.Now,
            FailureReason = null,
        };
        await _refundDesk.PostLedgerRefundAsync(unit, Actor.System, done, cancellationToken).ConfigureAwait(false);
        await _refunds.SaveAsync(unit, done, cancellationToken).ConfigureAwait(false);
        return new ProviderEventResult(ProviderEventOutcome.Applied, e.EventId, null) { Refund = done };
    }

    private async ValueTask<(DeskRefund? Refund, PaymentRecord? Payment)> MatchRefundAsync(ITenantUnitOfWork unit, RefundSucceededEvent e, CancellationToken cancellationToken)
    {
        var refund = e.ProviderRefundId is { } providerRefundId
            ? await _refunds.FindByProviderRefundIdAsync(unit, providerRefundId, cancellationToken).ConfigureAwait(false)
            : null;
        var payment = await _contexts.FindByProviderReferenceAsync(unit, e.Provider, e.ProviderPaymentId, cancellationToken).ConfigureAwait(false);
        if (refund is null && payment is not null)
        {
            // A refund whose call timed out has no provider id yet: match the pending one by amount.
            var pending = (await _refunds.ListForPaymentAsync(unit, payment.Id, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Status == DeskRefundStatus.Pending && r.ProviderRefundId is null && (e.Amount is not { } a || r.Amount == a))
                .ToList();
            refund = pending.Count == 1 ? pending[0] : null;
        }

        return (refund, payment);
    }

    private async ValueTask<ProviderEventResult> RefundFailedAsync(DeskActionScope scope, RefundFailedEvent e, CancellationToken cancellationToken)
    {
        var refund = await _refunds.FindByProviderRefundIdAsync(scope.Unit, e.ProviderRefundId, cancellationToken).ConfigureAwait(false);
        if (refund is null)
        {
            return Ignored(e, "No refund of ours has that provider refund id.");
        }

        scope.Target = refund.Id;
        scope.Amount = refund.Amount;
        if (refund.LastEventAt is { } last && last > e.OccurredAt)
        {
            return Ignored(e, "Stale: the refund already took a newer provider event.") with { Refund = refund };
        }

        if (refund.Status == DeskRefundStatus.Succeeded)
        {
            var seen = refund with { LastEventAt = e.OccurredAt, FailureReason = e.FailureReason ?? "failed at the provider after it was posted" };
            await _refunds.SaveAsync(scope.Unit, seen, cancellationToken).ConfigureAwait(false);
            return new ProviderEventResult(ProviderEventOutcome.NeedsAttention, e.EventId, "The refund failed at the provider after the ledger posted it; staff must reconcile.") { Refund = seen };
        }

        var failed = refund with { Status = DeskRefundStatus.Failed, LastEventAt = e.OccurredAt, UpdatedAt = scope.Now, FailureReason = e.FailureReason ?? "failed at the provider" };
        await _refunds.SaveAsync(scope.Unit, failed, cancellationToken).ConfigureAwait(false);
        return new ProviderEventResult(ProviderEventOutcome.Applied, e.EventId, null) { Refund = failed };
    }

    private async ValueTask<ProviderEventResult> DisputeOpenedAsync(DeskActionScope scope, DisputeOpenedEvent e, CancellationToken cancellationToken)
    {
        scope.Target = e.ProviderDisputeId;
        scope.Amount = e.Amount;
        var dispute = await _disputes.OpenAsync(scope.Unit, e, cancellationToken).ConfigureAwait(false);
        if (dispute is null)
        {
            return Ignored(e, "Stale: the dispute already took a newer provider event.");
        }

        if (dispute.Recommendation is { } recommendation)
        {
            DeskPolicies.Record(scope, recommendation);
        }

        return new ProviderEventResult(ProviderEventOutcome.Applied, e.EventId, null) { Dispute = dispute };
    }

    private async ValueTask<ProviderEventResult> DisputeClosedAsync(DeskActionScope scope, DisputeClosedEvent e, CancellationToken cancellationToken)
    {
        scope.Target = e.ProviderDisputeId;
        scope.Amount = e.Amount;
        var dispute = await _disputes.CloseAsync(scope.Unit, Actor.System, e, cancellationToken).ConfigureAwait(false);
        if (dispute is null)
        {
            return Ignored(e, "Stale: the dispute already took a newer provider event.");
        }

        scope.Details["dispute.status"] = dispute.Status.ToString();
        scope.Details["charge_back.posted"] = dispute.ChargeBackPosted ? "true" : "false";
        return new ProviderEventResult(ProviderEventOutcome.Applied, e.EventId, dispute.Payment is null ? "No ledger payment matches the disputed charge; no charge-back was posted." : null) { Dispute = dispute };
    }

    private async ValueTask<(bool Recorded, string? Note)> RecordInvoicePaymentAsync(ITenantUnitOfWork unit, InvoiceId invoice, PaymentRecord payment, CancellationToken cancellationToken)
    {
        try
        {
            var paid = await _invoices.RecordPaymentAsync(unit, invoice, payment.Id, payment.Amount, cancellationToken).ConfigureAwait(false);
            return (!paid.AlreadyRecorded, null);
        }
        catch (Exception exception) when (exception is InvoiceStateException or InvoiceValidationException or InvoicingNotFoundException)
        {
            // The invoice cannot take the payment (void, already paid by another payment, unknown): the money is in
            // the ledger; the invoice is left for staff.
            return (false, "The invoice did not take the payment: " + exception.Message);
        }
    }

    private async ValueTask<PaymentRecord?> FindPaymentAsync(
        ITenantUnitOfWork unit,
        ProviderName provider,
        PaymentId? ours,
        string providerPaymentId,
        string? providerChargeId,
        CancellationToken cancellationToken)
    {
        if (ours is { } id && await _contexts.FindPaymentAsync(unit, id, cancellationToken).ConfigureAwait(false) is { } byId)
        {
            return byId;
        }

        return await _contexts.FindByProviderReferenceAsync(unit, provider, providerPaymentId, cancellationToken).ConfigureAwait(false)
            ?? (providerChargeId is null ? null : await _contexts.FindByProviderReferenceAsync(unit, provider, providerChargeId, cancellationToken).ConfigureAwait(false));
    }

    private static ProviderEventResult PaymentResult(BillingEvent e, bool ledgerMoved, string? note, DunningDecision? dunning) =>
        new(ledgerMoved || dunning is { Outcome: DunningOutcome.Applied } ? ProviderEventOutcome.Applied : ProviderEventOutcome.Ignored, e.EventId, note) { Dunning = dunning };

    private static ProviderEventResult Ignored(BillingEvent e, string note) => new(ProviderEventOutcome.Ignored, e.EventId, note);
}
