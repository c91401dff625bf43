namespace BillingKit.Ledger;

/// <summary>Thrown when a refund or charge-back asks for more than what remains refundable on a payment.</summary>
/// <remarks>Ask <see cref="LedgerService.GetRefundableAmountAsync(TenantId, PaymentId, CancellationToken)"/> first to branch without an exception.</remarks>
public sealed class RefundExceedsRefundableException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="requested">The amount asked for.</param>
    /// <param name="refundable">What remains refundable.</param>
    public RefundExceedsRefundableException(PaymentId payment, Money requested, Money refundable)
        : base($"Payment {payment} has {refundable} left to refund; {requested} was asked for. Refund at most the refundable remainder.")
    {
        Payment = payment;
        Requested = requested;
        Refundable = refundable;
    }

    /// <summary>Gets the payment.</summary>
    public PaymentId Payment { get; }

    /// <summary>Gets the amount asked for.</summary>
    public Money Requested { get; }

    /// <summary>Gets what remains refundable.</summary>
    public Money Refundable { get; }
}
