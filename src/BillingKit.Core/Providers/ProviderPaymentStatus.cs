namespace BillingKit.Providers;

/// <summary>Where a payment stands at the provider.</summary>
public enum ProviderPaymentStatus
{
    /// <summary>Created but not yet attempted, or waiting for a payment method (Stripe
    /// <c>requires_payment_method</c> without an error, <c>requires_confirmation</c>).</summary>
    Incomplete = 0,

    /// <summary>Submitted; the outcome is not known yet (bank debits, pending transactions).</summary>
    Processing = 1,

    /// <summary>The customer must act (3-D Secure authentication); an off-session retry cannot complete it.</summary>
    RequiresAction = 2,

    /// <summary>The money was captured.</summary>
    Succeeded = 3,

    /// <summary>The attempt failed; see the failure and decline codes.</summary>
    Failed = 4,

    /// <summary>Cancelled before completion.</summary>
    Canceled = 5,
}
