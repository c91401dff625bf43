namespace BillingKit.Ledger;

/// <summary>Thrown when a payment id is not known for the tenant.</summary>
public sealed class PaymentNotFoundException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="payment">The payment id.</param>
    public PaymentNotFoundException(TenantId tenant, PaymentId payment)
        : base($"Tenant {tenant} has no payment {payment}; expected the id of a payment recorded for this tenant.")
    {
        Tenant = tenant;
        Payment = payment;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the payment id.</summary>
    public PaymentId Payment { get; }
}
