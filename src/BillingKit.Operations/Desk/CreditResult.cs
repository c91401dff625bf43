using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>What a desk credit did.</summary>
/// <param name="Outcome">Applied, or waiting for approval.</param>
/// <param name="Amount">The credit's amount.</param>
/// <param name="Kind">Goodwill, promotional or correction.</param>
/// <param name="Transaction">The ledger credit when applied.</param>
/// <param name="Approval">The approval request (pending, or the approved one that was applied).</param>
public sealed record CreditResult(
    CreditOutcome Outcome,
    Money Amount,
    CreditKind Kind,
    LedgerTransaction? Transaction,
    CreditApprovalRequest? Approval);
