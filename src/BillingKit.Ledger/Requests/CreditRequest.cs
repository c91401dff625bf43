namespace BillingKit.Ledger;

/// <summary>Asks to grant the tenant a credit: it settles open charges (oldest due first), and the rest becomes credit balance.</summary>
public sealed record CreditRequest : LedgerRequest
{
    /// <summary>Gets the amount; positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets why the credit is granted.</summary>
    public required CreditKind Kind { get; init; }

    /// <summary>Gets the reason in words; required.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the customer, if any.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the invoice concerned, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets open charges to settle first, in this order; null or empty: oldest due first.</summary>
    public IReadOnlyList<LedgerTransactionId>? ApplyFirst { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"credit|{Amount}|{Kind}|{Reason}|{Customer}|{Invoice}|{ApplyFirst}");
}
