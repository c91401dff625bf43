using NodaTime;

namespace BillingKit.Providers;

/// <summary>A payment as a provider reports it.</summary>
public sealed record ProviderPayment
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the payment (Stripe <c>pi_...</c> or <c>ch_...</c>, a Paystack reference,
    /// a Flutterwave transaction id).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the amount of the payment.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the status.</summary>
    public required ProviderPaymentStatus Status { get; init; }

    /// <summary>Gets when the provider created the payment, when it says.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Gets the amount refunded so far, when the provider says.</summary>
    public Money? AmountRefunded { get; init; }

    /// <summary>Gets our payment id that the adapter stored with the provider, when there is one.</summary>
    public PaymentId? PaymentId { get; init; }

    /// <summary>Gets the provider's id of the underlying charge when it differs from the payment (Stripe <c>ch_...</c>
    /// of a PaymentIntent); refunds and disputes refer to it.</summary>
    public string? ProviderChargeId { get; init; }

    /// <summary>Gets the provider's customer id.</summary>
    public string? ProviderCustomerId { get; init; }

    /// <summary>Gets the payment method used.</summary>
    public string? ProviderPaymentMethodId { get; init; }

    /// <summary>Gets the provider's failure code of a failed attempt, such as <c>card_declined</c>.</summary>
    public string? FailureCode { get; init; }

    /// <summary>Gets the issuer's decline code, such as <c>insufficient_funds</c> or <c>do_not_honor</c>.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>Gets the provider's failure message, for staff (not for customers).</summary>
    public string? FailureMessage { get; init; }

    /// <summary>Gets a value indicating whether the payment was recorded by hand rather than processed by a provider
    /// (the offline provider).</summary>
    public bool IsManual { get; init; }
}
