using NodaTime;

namespace BillingKit.Providers;

/// <summary>A refund as a provider reports it.</summary>
public sealed record ProviderRefund
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the refund.</summary>
    public required string ProviderRefundId { get; init; }

    /// <summary>Gets the provider's id of the payment (or charge) refunded.</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the amount refunded.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the status.</summary>
    public required ProviderRefundStatus Status { get; init; }

    /// <summary>Gets when the provider created the refund, when it says.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Gets why a refund failed, when it did.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets a value indicating whether the refund was recorded by hand (the offline provider): staff must
    /// send the money back themselves.</summary>
    public bool IsManual { get; init; }
}
