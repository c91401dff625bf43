namespace BillingKit.Ledger;

/// <summary>Asks to record a charge-back: a card payment reversed through the provider, partly or in full.</summary>
public sealed record ChargeBackRequest : LedgerRequest
{
    /// <summary>Gets the payment charged back.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the amount; positive, in the payment's currency, at most its refundable remainder.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the reason, such as the dispute reason the provider reports; required.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the provider's dispute id, if any.</summary>
    public string? ProviderReference { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"charge-back|{Payment}|{Amount}|{Reason}|{ProviderReference}");
}
