using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations;

/// <summary>
/// The credit authority and approval workflow, for desk actions to call inside their <see cref="DeskActionScope"/>:
/// decide whether a credit applies now, submit an approval request, approve (returning what to apply) or reject.
/// It never applies a credit itself; the desk action that approves applies it in the same unit.
/// </summary>
/// <remarks>Thread-safe. Permissions are demanded by the desk action (issue: <see cref="DeskPermission.IssueCredit"/>;
/// approve or reject: <see cref="DeskPermission.ApproveCredits"/>); this class checks the rest (pending, not the
/// requester, enough authority).</remarks>
internal sealed class CreditApprovals(
    ICreditApprovalStore store,
    IOptions<BillingDeskOptions> options,
    ILogger<CreditApprovals>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<CreditApprovals>.Instance;

    private readonly CreditAuthorityTable _table = options.Value.CreditAuthority.ToTable();

    /// <summary>Decides whether the actor may apply the credit now or must ask for approval.</summary>
    public CreditDecision Decide(Actor actor, Money amount) => CreditAuthority.Decide(_table, actor, amount);

    /// <summary>Gets the authority table (for reports and tests).</summary>
    public CreditAuthorityTable Table => _table;

    /// <summary>Stages a pending approval request for a credit above the actor's authority, and fills the scope's
    /// audit facts (target = request id, amount, outcome <see cref="AuditOutcome.PendingApproval"/>).</summary>
    public async ValueTask<CreditApprovalRequest> SubmitAsync(
        DeskActionScope scope,
        Money amount,
        string kind,
        string? target,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var decision = Decide(scope.Request.Actor, amount);
        if (decision.ApplyNow)
        {
            throw new InvalidOperationException($"{amount} is within the {scope.Request.Actor.Role} role's authority; apply it instead of asking for approval.");
        }

        var request = new CreditApprovalRequest
        {
            Id = "apr_" + Guid.NewGuid().ToString("N"),
            Tenant = scope.Request.Tenant,
            Amount = amount,
            Kind = kind,
            Reason = scope.Request.Reason,
            RequestedBy = scope.Request.Actor,
            RequestedAt = scope.Now,
            Target = target,
            CorrelationId = scope.CorrelationId,
        };
        await store.AddAsync(scope.Unit, request, cancellationToken).ConfigureAwait(false);
        scope.Target = request.Id;
        scope.Amount = amount;
        scope.Outcome = AuditOutcome.PendingApproval;
        scope.Details["approval.kind"] = kind;
        scope.Details["approval.limit"] = decision.Limit is { } limit ? Convert.ToString(limit, System.Globalization.CultureInfo.InvariantCulture)! : "unlimited";
        BillingKitTelemetry.Approval(CreditApprovalStatus.Pending);
        DeskLog.CreditApprovalRequested(_logger, request.Id, request.Tenant, scope.Request.Actor.Id, scope.Request.Actor.Role);
        return request;
    }

    /// <summary>Approves a pending request with the scope's actor and reason, and returns it approved: the desk
    /// action then applies <see cref="CreditApprovalRequest.Amount"/> of <see cref="CreditApprovalRequest.Kind"/>
    /// under <see cref="CreditApprovalRequest.CreditKey"/> in the same unit.</summary>
    /// <exception cref="CreditApprovalException">Not found, not pending, self-approval, or authority too low.</exception>
    public ValueTask<CreditApprovalRequest> ApproveAsync(DeskActionScope scope, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(scope, requestId, CreditApprovalStatus.Approved, cancellationToken);

    /// <summary>Rejects a pending request with the scope's actor and reason.</summary>
    /// <exception cref="CreditApprovalException">Not found, not pending, or self-rejection.</exception>
    public ValueTask<CreditApprovalRequest> RejectAsync(DeskActionScope scope, string requestId, CancellationToken cancellationToken) =>
        DecideAsync(scope, requestId, CreditApprovalStatus.Rejected, cancellationToken);

    private async ValueTask<CreditApprovalRequest> DecideAsync(
        DeskActionScope scope,
        string requestId,
        CreditApprovalStatus status,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var request = await store.FindAsync(scope.Unit, requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new CreditApprovalException(requestId, CreditApprovalFailure.NotFound, $"there is no such request for tenant '{scope.Request.Tenant}'");
        var approver = scope.Request.Actor;
        CreditAuthority.CheckApprover(_table, request, approver, approving: status == CreditApprovalStatus.Approved);
        var decided = request.Decide(status, approver, scope.Request.Reason, scope.Now);
        await store.DecideAsync(scope.Unit, decided, cancellationToken).ConfigureAwait(false);
        scope.Target = decided.Id;
        scope.Amount = decided.Amount;
        scope.Details["approval.status"] = status.ToString();
        scope.Details["approval.requested_by"] = decided.RequestedBy.Id;
        scope.Details["approval.kind"] = decided.Kind;
        BillingKitTelemetry.Approval(status);
        DeskLog.CreditApprovalDecided(_logger, decided.Id, decided.Tenant, status, approver.Id, approver.Role);
        return decided;
    }
}
