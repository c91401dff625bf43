namespace BillingKit.Ledger;

/// <summary>Thrown when a payment is recorded under an id the tenant already uses (with another idempotency key).</summary>
public sealed class DuplicatePaymentException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="payment">The payment id.</param>
    public DuplicatePaymentException(TenantId tenant, PaymentId payment)
        : base($"Tenant {tenant} already has payment {payment}; expected a new payment id, or the original idempotency key to retry.")
    {
        Tenant = tenant;
        Payment = payment;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the payment id.</summary>
    public PaymentId Payment { get; }
}
