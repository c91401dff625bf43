namespace BillingKit.Ledger;

/// <summary>
/// Asks to cancel a payment. An unpaid payment is simply cancelled; a paid one (a corporate payment voided, a
/// bounced check) is reversed: what it still holds (paid less refunds and charge-backs) first leaves the credit
/// balance, and the rest is owed again, due on the payment's due date.
/// </summary>
public sealed record CancelPaymentRequest : LedgerRequest
{
    /// <summary>Gets the payment.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets why it is cancelled; required.</summary>
    public required string Reason { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"cancel-payment|{Payment}|{Reason}");
}
