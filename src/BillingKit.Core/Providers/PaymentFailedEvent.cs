namespace BillingKit.Providers;

/// <summary>A payment attempt failed.</summary>
public sealed record PaymentFailedEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the payment.</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the amount that was attempted.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets our payment id stored with the payment, when there is one.</summary>
    public PaymentId? PaymentId { get; init; }

    /// <summary>Gets the provider's failure code, such as <c>card_declined</c> or <c>expired_card</c>.</summary>
    public string? FailureCode { get; init; }

    /// <summary>Gets the issuer's decline code, such as <c>insufficient_funds</c> or <c>do_not_honor</c>.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>Gets the provider's failure message, for staff.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>Gets the provider's customer id.</summary>
    public string? ProviderCustomerId { get; init; }
}
