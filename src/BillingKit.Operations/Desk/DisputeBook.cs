using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// The dispute lifecycle shared by the provider-event handler and <see cref="DisputeDesk"/>: opening from a provider
/// event, closing (never backwards: an event older than the last one applied is ignored), and posting a lost
/// dispute's charge-back to the ledger (idempotent on the dispute id).
/// </summary>
internal sealed class DisputeBook(IDisputeStore store, DeskContexts contexts, DeskPolicies policies)
{
    public static bool IsClosed(DeskDisputeStatus status) =>
        status is DeskDisputeStatus.Won or DeskDisputeStatus.Lost or DeskDisputeStatus.ClosedWithoutChargeback;

    public DisputeRecommendation Recommend(DeskDispute dispute, bool usageEvidenceExists) =>
        policies.RecommendDisputeResponse(new DisputeFacts(dispute.Amount, IsFraud(dispute.Reason), usageEvidenceExists));

    /// <summary>Opens (or refreshes) a dispute; returns null when the event is stale.</summary>
    public async ValueTask<DeskDispute?> OpenAsync(ITenantUnitOfWork unit, DisputeOpenedEvent opened, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(unit, opened.ProviderDisputeId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && (existing.LastEventAt >= opened.OccurredAt || IsClosed(existing.Status)))
        {
            return null;
        }

        var payment = await contexts.FindByProviderReferenceAsync(unit, opened.Provider, opened.ProviderPaymentId, cancellationToken).ConfigureAwait(false);
        var dispute = (existing ?? new DeskDispute
        {
            Id = opened.ProviderDisputeId,
            Tenant = unit.Tenant,
            Provider = opened.Provider,
            Account = opened.Account,
            ProviderPaymentId = opened.ProviderPaymentId,
            Amount = opened.Amount,
            Status = DeskDisputeStatus.Open,
            OpenedAt = opened.OccurredAt,
            LastEventAt = opened.OccurredAt,
        }) with
        {
            Payment = payment?.Id,
            Amount = opened.Amount,
            Reason = opened.Reason,
            ResponseDueBy = opened.ResponseDueBy,
            LastEventAt = opened.OccurredAt,
        };
        dispute = dispute with { Recommendation = Recommend(dispute, usageEvidenceExists: false) };
        await store.SaveAsync(unit, dispute, cancellationToken).ConfigureAwait(false);
        return dispute;
    }

    /// <summary>Closes a dispute as the provider reports; a lost one posts the charge-back. Returns null when stale.</summary>
    public async ValueTask<DeskDispute?> CloseAsync(ITenantUnitOfWork unit, Actor actor, DisputeClosedEvent closed, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(unit, closed.ProviderDisputeId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.LastEventAt > closed.OccurredAt)
        {
            return null;
        }

        if (existing is not null && IsClosed(existing.Status) && existing.Status != DeskDisputeStatus.Lost && closed.Outcome == DisputeOutcome.Lost)
        {
            // A dispute already closed another way is not reopened by a late event.
            return null;
        }

        var payment = existing?.Payment
            ?? (await contexts.FindByProviderReferenceAsync(unit, closed.Provider, closed.ProviderPaymentId, cancellationToken).ConfigureAwait(false))?.Id;
        var dispute = (existing ?? new DeskDispute
        {
            Id = closed.ProviderDisputeId,
            Tenant = unit.Tenant,
            Provider = closed.Provider,
            Account = closed.Account,
            ProviderPaymentId = closed.ProviderPaymentId,
            Amount = closed.Amount,
            Status = DeskDisputeStatus.Open,
            OpenedAt = closed.OccurredAt,
            LastEventAt = closed.OccurredAt,
        }) with
        {
            Payment = payment,
            Status = closed.Outcome switch
            {
                DisputeOutcome.Won => DeskDisputeStatus.Won,
                DisputeOutcome.Lost => DeskDisputeStatus.Lost,
                _ => DeskDisputeStatus.ClosedWithoutChargeback,
            },
            LastEventAt = closed.OccurredAt,
        };
        if (dispute.Status == DeskDisputeStatus.Lost)
        {
            dispute = await PostChargeBackAsync(unit, actor, dispute, cancellationToken).ConfigureAwait(false);
        }

        await store.SaveAsync(unit, dispute, cancellationToken).ConfigureAwait(false);
        return dispute;
    }

    /// <summary>Marks a dispute lost (accepted) at the desk and posts its charge-back.</summary>
    public async ValueTask<DeskDispute> AcceptAsync(ITenantUnitOfWork unit, Actor actor, DeskDispute dispute, Instant now, CancellationToken cancellationToken)
    {
        var lost = await PostChargeBackAsync(unit, actor, dispute with { Status = DeskDisputeStatus.Lost, LastEventAt = Max(dispute.LastEventAt, now) }, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(unit, lost, cancellationToken).ConfigureAwait(false);
        return lost;
    }

    private async ValueTask<DeskDispute> PostChargeBackAsync(ITenantUnitOfWork unit, Actor actor, DeskDispute dispute, CancellationToken cancellationToken)
    {
        if (dispute.ChargeBackPosted || dispute.Payment is not { } paymentId)
        {
            return dispute;
        }

        var refundable = await contexts.Ledger.GetRefundableAmountAsync(unit, paymentId, cancellationToken).ConfigureAwait(false);
        var amount = Money.Min(dispute.Amount, refundable);
        if (!amount.IsPositive)
        {
            return dispute;
        }

        await contexts.Ledger.RecordChargeBackAsync(
            unit,
            new ChargeBackRequest
            {
                IdempotencyKey = IdempotencyKey.Derive("charge-back", dispute.Provider.ToString(), dispute.Id),
                Actor = actor,
                Payment = paymentId,
                Amount = amount,
                Reason = "Dispute " + dispute.Id + " lost" + (dispute.Reason is null ? string.Empty : " (" + dispute.Reason + ")"),
                ProviderReference = dispute.Id,
            },
            cancellationToken).ConfigureAwait(false);
        return dispute with { ChargeBackPosted = true };
    }

    private static bool IsFraud(string? reason) => reason is not null && reason.Contains("fraud", StringComparison.OrdinalIgnoreCase);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
