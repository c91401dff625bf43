using NodaTime;

namespace BillingKit.Providers;

/// <summary>A checkout page the provider hosts for one expected payment: send the customer to <see cref="Url"/>.</summary>
public sealed record HostedCheckout
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the checkout (a Stripe Checkout Session <c>cs_...</c>, a Paystack access
    /// code, a Flutterwave transaction reference).</summary>
    public required string ProviderCheckoutId { get; init; }

    /// <summary>Gets the page's address at the provider.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets our id of the payment the checkout collects.</summary>
    public required PaymentId PaymentId { get; init; }

    /// <summary>Gets the amount the customer is asked to pay.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the provider's id under which the payment will be reported, when it is known before the customer
    /// pays (a Paystack or Flutterwave transaction reference); <see langword="null"/> for Stripe, whose payment is
    /// created on the page.</summary>
    public string? ProviderPaymentId { get; init; }

    /// <summary>Gets when the page stops accepting payment, when the provider says.</summary>
    public Instant? ExpiresAt { get; init; }
}
