namespace BillingKit.Operations;

/// <summary>What to do with a credit: apply it now, or ask for approval because it exceeds the actor's authority.</summary>
/// <param name="NeedsApproval">Whether the credit must wait for an approval.</param>
/// <param name="Amount">The credit.</param>
/// <param name="Limit">The actor's authority in the credit's currency; <see langword="null"/> when unlimited.</param>
internal sealed record CreditDecision(bool NeedsApproval, Money Amount, Money? Limit)
{
    public bool ApplyNow => !NeedsApproval;
}
