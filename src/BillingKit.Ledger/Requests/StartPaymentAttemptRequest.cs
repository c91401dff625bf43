namespace BillingKit.Ledger;

/// <summary>Asks to start collecting a pending payment, or to retry a failed one: a new attempt, status <see cref="PaymentStatus.Processing"/>.</summary>
public sealed record StartPaymentAttemptRequest : LedgerRequest
{
    /// <summary>Gets the payment.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the provider's reference for the attempt, if known.</summary>
    public string? ProviderReference { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"start-attempt|{Payment}|{ProviderReference}");
}
