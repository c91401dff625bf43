using NodaTime;

namespace BillingKit.Dunning;

/// <summary>A charge failed at the provider.</summary>
public sealed record PaymentFailed : DunningEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="occurredAt">The provider's event time.</param>
    /// <param name="declineCode">The provider's decline code (Stripe names), or null when it gave none.</param>
    /// <param name="attemptNumber">The provider's attempt number: 1 for the first charge, 2 for the first retry, and so on.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attemptNumber"/> is less than 1.</exception>
    public PaymentFailed(Instant occurredAt, string? declineCode, int attemptNumber = 1)
        : base(occurredAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 1);
        DeclineCode = declineCode;
        AttemptNumber = attemptNumber;
    }

    /// <summary>Gets the provider's decline code, or null.</summary>
    public string? DeclineCode { get; }

    /// <summary>Gets the provider's attempt number (1 for the first charge).</summary>
    public int AttemptNumber { get; }
}
