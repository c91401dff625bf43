namespace BillingKit.Operations;

/// <summary>The pure credit authority decisions: whether an actor may credit an amount alone, and whether an
/// approver may approve a request.</summary>
internal static class CreditAuthority
{
    /// <summary>Decides whether a credit applies now or needs approval. A credit applies now only when the actor's
    /// role covers the whole amount in its currency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or negative.</exception>
    public static CreditDecision Decide(CreditAuthorityTable table, Actor actor, Money amount)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actor);
        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Expected a credit above zero.");
        }

        var limit = table.LimitOf(actor.Role, amount.Currency);
        return new CreditDecision(limit is { } l && amount > l, amount, limit);
    }

    /// <summary>Checks that an approver may decide a request: it is pending, the approver did not ask for it, and
    /// (to approve) the approver's authority covers the amount.</summary>
    /// <exception cref="CreditApprovalException">The approver may not decide it.</exception>
    public static void CheckApprover(CreditAuthorityTable table, CreditApprovalRequest request, Actor approver, bool approving)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(approver);
        if (request.Status != CreditApprovalStatus.Pending)
        {
            throw new CreditApprovalException(request.Id, CreditApprovalFailure.NotPending, $"it is already {request.Status}");
        }

        if (string.Equals(request.RequestedBy.Id, approver.Id, StringComparison.Ordinal))
        {
            throw new CreditApprovalException(request.Id, CreditApprovalFailure.SelfApproval, "the requester cannot decide their own request; another person must");
        }

        if (approving && !table.Covers(approver.Role, request.Amount))
        {
            throw new CreditApprovalException(
                request.Id,
                CreditApprovalFailure.AuthorityTooLow,
                $"{request.Amount} is above the {approver.Role} role's credit authority of {table.LimitOf(approver.Role, request.Amount.Currency)}; a role with more authority must approve it");
        }
    }
}
