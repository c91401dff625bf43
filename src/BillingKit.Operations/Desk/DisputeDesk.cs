using BillingKit.Providers;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The desk's disputes (charge-backs). Disputes are opened from provider events (see <see cref="ProviderEventProcessor"/>)
/// with a response due date and the dispute policy's suggestion (accept or challenge); staff submit evidence through
/// the provider, or accept the dispute through the provider, which posts the charge-back to the ledger.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DisputeDesk
{
    private static readonly DeskAction Evidence = new("dispute.submit-evidence", DeskPermission.HandleDisputes);
    private static readonly DeskAction Accept = new("dispute.accept", DeskPermission.HandleDisputes);

    private readonly DeskActionRunner _runner;
    private readonly DisputeBook _book;
    private readonly IDisputeStore _store;
    private readonly DeskPaymentProviders _providers;

    internal DisputeDesk(DeskActionRunner runner, DisputeBook book, IDisputeStore store, DeskPaymentProviders providers)
    {
        _runner = runner;
        _book = book;
        _store = store;
        _providers = providers;
    }

    /// <summary>Lists disputes, oldest first.</summary>
    /// <param name="actor">Who asks (any role that views billing).</param>
    /// <param name="tenant">One tenant, or <see langword="null"/> for all.</param>
    /// <param name="status">One status (for example <see cref="DeskDisputeStatus.Open"/>), or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The disputes.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public Task<IReadOnlyList<DeskDispute>> ListAsync(Actor actor, TenantId? tenant, DeskDisputeStatus? status, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        return _store.ListAsync(tenant, status, cancellationToken).AsTask();
    }

    /// <summary>The dispute policy's suggestion for a dispute, given whether usage evidence exists.</summary>
    /// <param name="actor">Who asks (any role that views billing).</param>
    /// <param name="dispute">The dispute.</param>
    /// <param name="usageEvidenceExists">Whether the host holds usage evidence for the disputed period.</param>
    /// <returns>Accept (below the threshold, or suspected fraud), challenge (usage evidence) or review.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public DisputeRecommendation Recommend(Actor actor, DeskDispute dispute, bool usageEvidenceExists)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        ArgumentNullException.ThrowIfNull(dispute);
        return _book.Recommend(dispute, usageEvidenceExists);
    }

    /// <summary>Submits evidence for an open dispute through its provider.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="evidence">The evidence.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dispute after the submission.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not handle disputes; nothing is written.</exception>
    /// <exception cref="DisputeNotOpenException">No such dispute, or it is closed.</exception>
    /// <exception cref="ProviderException">The provider refused the evidence; nothing is written.</exception>
    [DeskAction("dispute.submit-evidence", DeskPermission.HandleDisputes)]
    public Task<DeskDispute> SubmitEvidenceAsync(DeskRequest request, string disputeId, DisputeEvidenceText evidence, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Evidence, request, (scope, ct) => SubmitEvidenceCoreAsync(scope, disputeId, evidence, ct), cancellationToken);

    /// <summary>Submits evidence for an open dispute through its provider.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="evidence">The evidence.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dispute after the submission.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not handle disputes; nothing is written.</exception>
    /// <exception cref="DisputeNotOpenException">No such dispute, or it is closed.</exception>
    /// <exception cref="ProviderException">The provider refused the evidence; nothing is written.</exception>
    [DeskAction("dispute.submit-evidence", DeskPermission.HandleDisputes)]
    public Task<DeskDispute> SubmitEvidenceAsync(ITenantUnitOfWork unit, DeskRequest request, string disputeId, DisputeEvidenceText evidence, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Evidence, request, (scope, ct) => SubmitEvidenceCoreAsync(scope, disputeId, evidence, ct), cancellationToken);

    /// <summary>Accepts an open dispute through its provider (it closes as lost) and posts the charge-back to the ledger.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dispute, lost, with its charge-back posted.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not handle disputes; nothing is written.</exception>
    /// <exception cref="DisputeNotOpenException">No such dispute, or it is closed.</exception>
    /// <exception cref="ProviderException">The provider refused; nothing is written.</exception>
    [DeskAction("dispute.accept", DeskPermission.HandleDisputes)]
    public Task<DeskDispute> AcceptAsync(DeskRequest request, string disputeId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Accept, request, (scope, ct) => AcceptCoreAsync(scope, disputeId, ct), cancellationToken);

    /// <summary>Accepts an open dispute through its provider (it closes as lost) and posts the charge-back to the ledger.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dispute, lost, with its charge-back posted.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not handle disputes; nothing is written.</exception>
    /// <exception cref="DisputeNotOpenException">No such dispute, or it is closed.</exception>
    /// <exception cref="ProviderException">The provider refused; nothing is written.</exception>
    [DeskAction("dispute.accept", DeskPermission.HandleDisputes)]
    public Task<DeskDispute> AcceptAsync(ITenantUnitOfWork unit, DeskRequest request, string disputeId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Accept, request, (scope, ct) => AcceptCoreAsync(scope, disputeId, ct), cancellationToken);

    private async ValueTask<DeskDispute> SubmitEvidenceCoreAsync(DeskActionScope scope, string disputeId, DisputeEvidenceText evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var dispute = await RequireOpenAsync(scope.Unit, disputeId, cancellationToken).ConfigureAwait(false);
        var attempt = dispute.EvidenceSubmissions + 1;
        var provider = _providers.Get(dispute.Provider, dispute.Account);
        await provider.SubmitDisputeEvidenceAsync(
            new DisputeEvidence(dispute.Id, IdempotencyKey.Derive("dispute-evidence", dispute.Id, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                ProductDescription = evidence.ProductDescription,
                CustomerName = evidence.CustomerName,
                CustomerEmail = evidence.CustomerEmail,
                ServiceDate = evidence.ServiceDate,
                AccessActivityLog = evidence.AccessActivityLog,
                CancellationPolicyDisclosure = evidence.CancellationPolicyDisclosure,
                RefundPolicyDisclosure = evidence.RefundPolicyDisclosure,
                UncategorizedText = evidence.UncategorizedText,
            },
            cancellationToken).ConfigureAwait(false);
        var submitted = dispute with { Status = DeskDisputeStatus.EvidenceSubmitted, EvidenceSubmissions = attempt };
        await _store.SaveAsync(scope.Unit, submitted, cancellationToken).ConfigureAwait(false);
        scope.Target = dispute.Id;
        scope.Amount = dispute.Amount;
        scope.Details["provider"] = dispute.Provider.ToString();
        scope.Details["evidence.submission"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return submitted;
    }

    private async ValueTask<DeskDispute> AcceptCoreAsync(DeskActionScope scope, string disputeId, CancellationToken cancellationToken)
    {
        var dispute = await RequireOpenAsync(scope.Unit, disputeId, cancellationToken).ConfigureAwait(false);
        var provider = _providers.Get(dispute.Provider, dispute.Account);
        await provider.AcceptDisputeAsync(dispute.Id, IdempotencyKey.Derive("dispute-accept", dispute.Id), cancellationToken).ConfigureAwait(false);
        var lost = await _book.AcceptAsync(scope.Unit, scope.Request.Actor, dispute, scope.Now, cancellationToken).ConfigureAwait(false);
        scope.Target = dispute.Id;
        scope.Amount = dispute.Amount;
        scope.Details["provider"] = dispute.Provider.ToString();
        scope.Details["charge_back.posted"] = lost.ChargeBackPosted ? "true" : "false";
        return lost;
    }

    private async ValueTask<DeskDispute> RequireOpenAsync(ITenantUnitOfWork unit, string disputeId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(disputeId);
        var dispute = await _store.FindAsync(unit, disputeId, cancellationToken).ConfigureAwait(false)
            ?? throw new DisputeNotOpenException(disputeId, null);
        return DisputeBook.IsClosed(dispute.Status) ? throw new DisputeNotOpenException(disputeId, dispute.Status) : dispute;
    }
}
