using NodaTime;

namespace BillingKit.Ledger;

/// <summary>
/// Asks to mark a payment as paid: after a provider confirms it, or for money received outside any provider
/// (a check, a wire, cash). The ledger then records the money and applies it to open charges.
/// </summary>
public sealed record MarkAsPaidRequest : LedgerRequest
{
    /// <summary>Gets the payment.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the date the money was received.</summary>
    public required LocalDate PaymentDate { get; init; }

    /// <summary>Gets how it was paid; null keeps the method recorded on the payment.</summary>
    public PaymentMethod? Method { get; init; }

    /// <summary>Gets the payer's reference, such as a check number or transfer id; null keeps the recorded one.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the provider's reference of the successful charge, if any.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets open charges to settle first, in this order; null or empty: oldest due first.</summary>
    public IReadOnlyList<LedgerTransactionId>? ApplyFirst { get; init; }

    internal override string Fingerprint() =>
        Ledger.Fingerprint.Of($"mark-paid|{Payment}|{PaymentDate}|{Method}|{Reference}|{ProviderReference}|{ApplyFirst}");
}
