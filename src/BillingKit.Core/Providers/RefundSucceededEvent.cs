namespace BillingKit.Providers;

/// <summary>Money went back to the customer.</summary>
public sealed record RefundSucceededEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the refunded payment (or charge).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the provider's id of the refund, when the event names one.</summary>
    public string? ProviderRefundId { get; init; }

    /// <summary>Gets the amount of this refund, when the event names one refund.</summary>
    public Money? Amount { get; init; }

    /// <summary>Gets the total refunded on the payment so far, when the provider says; it only grows, so it orders
    /// stale events.</summary>
    public Money? TotalRefunded { get; init; }
}
