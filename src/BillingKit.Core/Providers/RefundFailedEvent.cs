namespace BillingKit.Providers;

/// <summary>A refund failed after it was accepted; the money is still ours and the customer was not repaid.</summary>
public sealed record RefundFailedEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the refunded payment (or charge).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the provider's id of the refund.</summary>
    public required string ProviderRefundId { get; init; }

    /// <summary>Gets the amount of the refund.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets why it failed, such as <c>expired_or_canceled_card</c>.</summary>
    public string? FailureReason { get; init; }
}
