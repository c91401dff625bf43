using BillingKit.Ledger;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The desk's credits: a goodwill, promotional or correction credit with a reason. Within the actor's credit
/// authority it is applied to the ledger at once (it settles open charges first, the rest goes to the credit
/// balance); above it, it becomes an approval request, and approving the request applies it, in the same unit as
/// the approval and its audit record.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CreditDesk
{
    private static readonly DeskAction Issue = new("credit.issue", DeskPermission.IssueCredit);
    private static readonly DeskAction Approve = new("credit-approval.approve", DeskPermission.ApproveCredits);

    private readonly DeskActionRunner _runner;
    private readonly CreditApprovals _approvals;
    private readonly LedgerService _ledger;

    internal CreditDesk(DeskActionRunner runner, CreditApprovals approvals, LedgerService ledger)
    {
        _runner = runner;
        _approvals = approvals;
        _ledger = ledger;
    }

    /// <summary>Issues a credit: applied now within the actor's authority, otherwise submitted for approval.</summary>
    /// <param name="request">The tenant, the actor (finance or admin) and the required reason.</param>
    /// <param name="amount">The credit, above zero.</param>
    /// <param name="kind">Goodwill, promotional or correction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied (with the ledger transaction) or pending approval (with the request).</returns>
    /// <remarks>The ledger key derives from the request's correlation id when given, so a retried request applies once.</remarks>
    /// <exception cref="PermissionDeniedException">The actor's role may not issue credits; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not above zero, or the kind is not defined.</exception>
    [DeskAction("credit.issue", DeskPermission.IssueCredit)]
    public Task<CreditResult> IssueCreditAsync(DeskRequest request, Money amount, CreditKind kind, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Issue, request, (scope, ct) => IssueCoreAsync(scope, amount, kind, ct), cancellationToken);

    /// <summary>Issues a credit in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="request">The tenant, the actor and the required reason.</param>
    /// <param name="amount">The credit, above zero.</param>
    /// <param name="kind">Goodwill, promotional or correction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied or pending approval.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not issue credits; nothing is written.</exception>
    [DeskAction("credit.issue", DeskPermission.IssueCredit)]
    public Task<CreditResult> IssueCreditAsync(ITenantUnitOfWork unit, DeskRequest request, Money amount, CreditKind kind, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Issue, request, (scope, ct) => IssueCoreAsync(scope, amount, kind, ct), cancellationToken);

    /// <summary>Approves a pending credit request and applies the credit, in one unit with the approval and its audit record.</summary>
    /// <param name="request">The tenant, the approver (a role whose authority covers the amount, not the requester) and the reason.</param>
    /// <param name="approvalId">The approval request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, with the ledger transaction and the approved request.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not approve credits; nothing is written.</exception>
    /// <exception cref="CreditApprovalException">No such pending request, self-approval, or the approver's authority is too low.</exception>
    [DeskAction("credit-approval.approve", DeskPermission.ApproveCredits)]
    public Task<CreditResult> ApproveCreditAsync(DeskRequest request, string approvalId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Approve, request, (scope, ct) => ApproveCoreAsync(scope, approvalId, ct), cancellationToken);

    /// <summary>Approves a pending credit request and applies the credit in the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="request">The tenant, the approver and the reason.</param>
    /// <param name="approvalId">The approval request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, with the ledger transaction and the approved request.</returns>
    /// <exception cref="PermissionDeniedException">The actor's role may not approve credits; nothing is written.</exception>
    [DeskAction("credit-approval.approve", DeskPermission.ApproveCredits)]
    public Task<CreditResult> ApproveCreditAsync(ITenantUnitOfWork unit, DeskRequest request, string approvalId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Approve, request, (scope, ct) => ApproveCoreAsync(scope, approvalId, ct), cancellationToken);

    private async ValueTask<CreditResult> IssueCoreAsync(DeskActionScope scope, Money amount, CreditKind kind, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Goodwill, Promotional or Correction.");
        }

        var decision = _approvals.Decide(scope.Request.Actor, amount);
        scope.Details["credit.kind"] = kind.ToString();
        if (decision.NeedsApproval)
        {
            var approval = await _approvals.SubmitAsync(scope, amount, kind.ToString(), null, cancellationToken).ConfigureAwait(false);
            return new CreditResult(CreditOutcome.PendingApproval, amount, kind, null, approval);
        }

        var transaction = await ApplyAsync(scope.Unit, scope.Request.Actor, IdempotencyKey.Derive("credit", scope.Request.Tenant.Value, scope.CorrelationId), amount, kind, scope.Request.Reason, cancellationToken).ConfigureAwait(false);
        scope.Target = transaction.Id.ToString();
        scope.Amount = amount;
        return new CreditResult(CreditOutcome.Applied, amount, kind, transaction, null);
    }

    private async ValueTask<CreditResult> ApproveCoreAsync(DeskActionScope scope, string approvalId, CancellationToken cancellationToken)
    {
        var approved = await _approvals.ApproveAsync(scope, approvalId, cancellationToken).ConfigureAwait(false);
        if (!Enum.TryParse<CreditKind>(approved.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidOperationException($"The approval request '{approved.Id}' is for a '{approved.Kind}' credit, which the ledger does not know; expected Goodwill, Promotional or Correction.");
        }

        var transaction = await ApplyAsync(scope.Unit, scope.Request.Actor, approved.CreditKey, approved.Amount, kind, approved.Reason, cancellationToken).ConfigureAwait(false);
        scope.Details["credit.transaction"] = transaction.Id.ToString();
        return new CreditResult(CreditOutcome.Applied, approved.Amount, kind, transaction, approved);
    }

    private Task<LedgerTransaction> ApplyAsync(ITenantUnitOfWork unit, Actor actor, IdempotencyKey key, Money amount, CreditKind kind, string reason, CancellationToken cancellationToken) =>
        _ledger.GrantCreditAsync(
            unit,
            new CreditRequest { IdempotencyKey = key, Actor = actor, Amount = amount, Kind = kind, Reason = reason },
            cancellationToken);
}
