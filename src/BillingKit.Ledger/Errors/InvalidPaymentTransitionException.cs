namespace BillingKit.Ledger;

/// <summary>Thrown when a payment is asked to move to a status that <see cref="PaymentTransitions"/> does not allow from its current one.</summary>
public sealed class InvalidPaymentTransitionException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="from">Its status.</param>
    /// <param name="to">The status asked for.</param>
    public InvalidPaymentTransitionException(PaymentId payment, PaymentStatus from, PaymentStatus to)
        : base($"Payment {payment} cannot move from {from} to {to}; from {from} it may move to {Describe(from)}.")
    {
        Payment = payment;
        From = from;
        To = to;
    }

    /// <summary>Gets the payment.</summary>
    public PaymentId Payment { get; }

    /// <summary>Gets its status.</summary>
    public PaymentStatus From { get; }

    /// <summary>Gets the status asked for.</summary>
    public PaymentStatus To { get; }

    private static string Describe(PaymentStatus from)
    {
        var next = PaymentTransitions.Next(from);
        return next.Count == 0 ? "nothing (it is final)" : string.Join(", ", next);
    }
}
