namespace BillingKit.Ledger;

/// <summary>What the ledger remembers about an idempotency key: the content it was first used with, and what it produced.</summary>
/// <param name="Key">The key, unique per tenant.</param>
/// <param name="Fingerprint">A canonical text of the operation and its content, compared on a retry.</param>
/// <param name="Transaction">The transaction the first use posted, if any.</param>
/// <param name="Payment">The payment the first use concerned, if any.</param>
public sealed record LedgerIdempotencyEntry(IdempotencyKey Key, string Fingerprint, LedgerTransactionId? Transaction, PaymentId? Payment);
