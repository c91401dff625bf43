namespace BillingKit.Ledger;

/// <summary>Everything one ledger operation writes, staged at once so that a store applies all of it or nothing.</summary>
/// <remarks>
/// A store applies a write by: remembering <see cref="Idempotency"/>; appending <see cref="Transaction"/> and adding
/// each of its postings to the running account balances, the totals per kind and the debit and credit sums of its
/// currency; upserting each of <see cref="OpenCharges"/> (an outstanding amount of zero closes the charge); and
/// saving <see cref="Payment"/> when its <see cref="PaymentRecord.Version"/> is one more than the stored one (or 1 for a new payment).
/// </remarks>
public sealed record LedgerWrite
{
    /// <summary>Gets the idempotency entry of the operation; its key must be new for the tenant.</summary>
    public required LedgerIdempotencyEntry Idempotency { get; init; }

    /// <summary>Gets the transaction to append, if any; its id must be new.</summary>
    public LedgerTransaction? Transaction { get; init; }

    /// <summary>Gets the open charges created or changed.</summary>
    public IReadOnlyList<OpenCharge> OpenCharges { get; init; } = [];

    /// <summary>Gets the payment created or changed, if any.</summary>
    public PaymentRecord? Payment { get; init; }
}
