namespace BillingKit.Ledger;

/// <summary>The part of a payment or credit applied to one open charge.</summary>
/// <param name="Charge">The charge transaction that was (partly) settled.</param>
/// <param name="Amount">The amount applied to it, positive.</param>
public sealed record ChargeAllocation(LedgerTransactionId Charge, Money Amount);
