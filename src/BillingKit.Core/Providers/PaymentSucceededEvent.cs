namespace BillingKit.Providers;

/// <summary>A payment was captured.</summary>
public sealed record PaymentSucceededEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the payment.</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the amount captured.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets our payment id stored with the payment, when there is one.</summary>
    public PaymentId? PaymentId { get; init; }

    /// <summary>Gets the provider's id of the underlying charge, when it differs from the payment.</summary>
    public string? ProviderChargeId { get; init; }

    /// <summary>Gets the provider's customer id.</summary>
    public string? ProviderCustomerId { get; init; }
}
