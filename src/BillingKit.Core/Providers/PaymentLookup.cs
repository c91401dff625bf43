namespace BillingKit.Providers;

/// <summary>What we know about a payment left in Processing, for <see cref="IPaymentProvider.ResolvePaymentAsync"/>.</summary>
public sealed class PaymentLookup
{
    /// <summary>Creates the lookup.</summary>
    /// <param name="paymentId">Our id of the payment, which the adapter stored with the provider.</param>
    /// <param name="expectedAmount">The amount we asked for; a payment found with another amount or currency is
    /// reported as <see cref="PaymentResolutionStatus.Mismatch"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="paymentId"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedAmount"/> is not positive.</exception>
    public PaymentLookup(PaymentId paymentId, Money expectedAmount)
    {
        ProviderArguments.RequireId(paymentId.Value, nameof(paymentId));
        ProviderArguments.RequirePositive(expectedAmount, nameof(expectedAmount));
        PaymentId = paymentId;
        ExpectedAmount = expectedAmount;
    }

    /// <summary>Gets our id of the payment.</summary>
    public PaymentId PaymentId { get; }

    /// <summary>Gets the amount we asked for.</summary>
    public Money ExpectedAmount { get; }

    /// <summary>Gets the provider's id of the payment when the first call returned one (or when we created the
    /// payment before confirming it); otherwise the adapter searches by <see cref="PaymentId"/>.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? ProviderPaymentId { get; init; }
}
