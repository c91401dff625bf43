namespace BillingKit.Ledger;

/// <summary>Asks to record that the current attempt of a payment failed: status <see cref="PaymentStatus.Failed"/>.</summary>
public sealed record PaymentFailedRequest : LedgerRequest
{
    /// <summary>Gets the payment.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets why it failed, such as "insufficient funds".</summary>
    public required string FailureReason { get; init; }

    /// <summary>Gets the provider's decline code, if any.</summary>
    public string? DeclineCode { get; init; }

    internal override string Fingerprint() => Ledger.Fingerprint.Of($"payment-failed|{Payment}|{FailureReason}|{DeclineCode}");
}
