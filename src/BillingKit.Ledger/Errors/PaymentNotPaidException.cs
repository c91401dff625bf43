namespace BillingKit.Ledger;

/// <summary>Thrown when money is given back (refund, charge-back) on a payment that is not paid.</summary>
public sealed class PaymentNotPaidException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="status">Its status.</param>
    public PaymentNotPaidException(PaymentId payment, PaymentStatus status)
        : base($"Payment {payment} is {status}, so nothing was received to give back; expected a Paid payment.")
    {
        Payment = payment;
        Status = status;
    }

    /// <summary>Gets the payment.</summary>
    public PaymentId Payment { get; }

    /// <summary>Gets its status.</summary>
    public PaymentStatus Status { get; }
}
