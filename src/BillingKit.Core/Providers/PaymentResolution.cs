namespace BillingKit.Providers;

/// <summary>The outcome of <see cref="IPaymentProvider.ResolvePaymentAsync"/>.</summary>
public sealed record PaymentResolution
{
    /// <summary>Gets what the provider says.</summary>
    public required PaymentResolutionStatus Status { get; init; }

    /// <summary>Gets the payment the provider holds; <see langword="null"/> when <see cref="Status"/> is
    /// <see cref="PaymentResolutionStatus.NotFound"/>.</summary>
    public ProviderPayment? Payment { get; init; }

    /// <summary>Resolves a found payment against the amount we expected.</summary>
    /// <param name="payment">The payment the provider holds.</param>
    /// <param name="expectedAmount">The amount we asked for.</param>
    /// <returns><see cref="PaymentResolutionStatus.Mismatch"/> when amount or currency differ, otherwise the status
    /// that follows from the payment's.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payment"/> is null.</exception>
    public static PaymentResolution FromPayment(ProviderPayment payment, Money expectedAmount)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Amount.Currency != expectedAmount.Currency || payment.Amount.MinorUnits != expectedAmount.MinorUnits)
        {
            return new PaymentResolution { Status = PaymentResolutionStatus.Mismatch, Payment = payment };
        }

        var status = payment.Status switch
        {
            ProviderPaymentStatus.Succeeded => PaymentResolutionStatus.Succeeded,
            ProviderPaymentStatus.Failed or ProviderPaymentStatus.Canceled => PaymentResolutionStatus.Failed,
            _ => PaymentResolutionStatus.StillProcessing,
        };
        return new PaymentResolution { Status = status, Payment = payment };
    }

    /// <summary>Gets the resolution for a payment the provider does not know.</summary>
    /// <returns>A <see cref="PaymentResolutionStatus.NotFound"/> resolution.</returns>
    public static PaymentResolution NotFound() => new() { Status = PaymentResolutionStatus.NotFound };
}
