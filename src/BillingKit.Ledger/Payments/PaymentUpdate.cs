namespace BillingKit.Ledger;

/// <summary>The outcome of an operation on a payment: the payment as it stands, and the ledger transaction posted, if any.</summary>
/// <param name="Payment">The payment after the operation.</param>
/// <param name="Transaction">The transaction posted, or null when only the status changed.</param>
/// <param name="IsReplay"><see langword="true"/> when the idempotency key had been used already, so nothing was written;
/// <paramref name="Transaction"/> is then the first one and <paramref name="Payment"/> the payment as it stands now.</param>
public sealed record PaymentUpdate(PaymentRecord Payment, LedgerTransaction? Transaction, bool IsReplay);
