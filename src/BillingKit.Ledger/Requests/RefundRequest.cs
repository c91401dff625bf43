namespace BillingKit.Ledger;

/// <summary>Asks to refund part or all of a paid payment. The total refunded and charged back never exceeds what was paid.</summary>
public sealed record RefundRequest : LedgerRequest
{
    /// <summary>Gets the payment to refund.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the amount; positive, in the payment's currency, at most its refundable remainder.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets why the refund is made; required.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the provider's refund id, if any.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets whether the refund pays out the tenant's credit balance (an overpayment returned) rather than
    /// giving back revenue: it then debits the credit balance instead of the refunds account, and may not exceed it.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool FromCreditBalance { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"refund|{Payment}|{Amount}|{Reason}|{ProviderReference}|{FromCreditBalance}");
}
