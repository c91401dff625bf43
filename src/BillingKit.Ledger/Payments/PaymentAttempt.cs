using NodaTime;

namespace BillingKit.Ledger;

/// <summary>One attempt to collect a payment; a retry adds a new attempt and keeps the earlier ones.</summary>
public sealed record PaymentAttempt
{
    /// <summary>Gets the attempt number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>Gets when the attempt started.</summary>
    public required Instant StartedAt { get; init; }

    /// <summary>Gets how it ended: <see cref="PaymentStatus.Paid"/>, <see cref="PaymentStatus.Failed"/> or
    /// <see cref="PaymentStatus.Cancelled"/>; null while under way.</summary>
    public PaymentStatus? Outcome { get; init; }

    /// <summary>Gets when it ended; null while under way.</summary>
    public Instant? EndedAt { get; init; }

    /// <summary>Gets the provider's reference for the attempt, if any.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets why it failed, for a failed attempt.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets the provider's decline code, for a failed attempt.</summary>
    public string? DeclineCode { get; init; }
}
