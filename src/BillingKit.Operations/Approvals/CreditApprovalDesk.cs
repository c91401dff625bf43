using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The desk's view of credit approvals: list the requests waiting for a decision, and reject one with a reason.
/// Approving lives with the credit desk, which applies the credit in the same unit as the approval.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class CreditApprovalDesk
{
    private static readonly DeskAction Reject = new("credit-approval.reject", DeskPermission.ApproveCredits);

    private readonly DeskActionRunner _runner;
    private readonly CreditApprovals _approvals;
    private readonly ICreditApprovalStore _store;

    internal CreditApprovalDesk(DeskActionRunner runner, CreditApprovals approvals, ICreditApprovalStore store)
    {
        _runner = runner;
        _approvals = approvals;
        _store = store;
    }

    /// <summary>Lists a tenant's requests waiting for a decision, oldest first.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>.</param>
    /// <param name="tenant">The tenant; <see langword="null"/> for every tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending requests.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<IReadOnlyList<CreditApprovalRequest>> ListPendingAsync(Actor actor, TenantId? tenant, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        return await _store.ListAsync(tenant, CreditApprovalStatus.Pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a pending credit approval request; no credit is applied. Writes one audit record
    /// <c>credit-approval.reject</c>.</summary>
    /// <param name="request">The approver, the tenant and the reason sent back to the requester; the approver needs
    /// <see cref="DeskPermission.ApproveCredits"/> and must not be the requester.</param>
    /// <param name="approvalId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected request.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not decide approvals.</exception>
    /// <exception cref="CreditApprovalException">The request is unknown, already decided, or the actor's own.</exception>
    [DeskAction("credit-approval.reject", DeskPermission.ApproveCredits)]
    public Task<CreditApprovalRequest> RejectAsync(DeskRequest request, string approvalId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Reject, request, (scope, ct) => _approvals.RejectAsync(scope, approvalId, ct), cancellationToken);

    /// <summary>Rejects a pending credit approval request inside the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">The approver, the tenant and the reason.</param>
    /// <param name="approvalId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected request.</returns>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not decide approvals.</exception>
    /// <exception cref="CreditApprovalException">The request is unknown, already decided, or the actor's own.</exception>
    [DeskAction("credit-approval.reject", DeskPermission.ApproveCredits)]
    public Task<CreditApprovalRequest> RejectAsync(ITenantUnitOfWork unit, DeskRequest request, string approvalId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Reject, request, (scope, ct) => _approvals.RejectAsync(scope, approvalId, ct), cancellationToken);
}
