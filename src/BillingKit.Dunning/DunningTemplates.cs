namespace BillingKit.Dunning;

/// <summary>The names of the notification templates that <see cref="NotifyTenant"/> effects ask the host to send.</summary>
public static class DunningTemplates
{
    /// <summary>A payment failed for a reason without more specific advice.</summary>
    public const string PaymentFailed = "dunning.payment_failed";

    /// <summary>Insufficient funds: ask the customer to top up before the next retry.</summary>
    public const string TopUpFunds = "dunning.top_up_funds";

    /// <summary>The issuer refused: the customer must call their bank.</summary>
    public const string ContactBank = "dunning.contact_bank";

    /// <summary>The card cannot be charged: send the update-payment-method link.</summary>
    public const string UpdatePaymentMethod = "dunning.update_payment_method";

    /// <summary>The payment method was refused for good (fraud, lost or stolen): ask for another one.</summary>
    public const string PaymentMethodRefused = "dunning.payment_method_refused";

    /// <summary>The customer must authenticate the payment (3-D Secure).</summary>
    public const string AuthenticationRequired = "dunning.authentication_required";

    /// <summary>The tenant entered <see cref="DunningState.Degraded"/>.</summary>
    public const string Degraded = "dunning.degraded";

    /// <summary>The tenant entered <see cref="DunningState.Restricted"/>.</summary>
    public const string Restricted = "dunning.restricted";

    /// <summary>The tenant entered <see cref="DunningState.Suspended"/>.</summary>
    public const string Suspended = "dunning.suspended";

    /// <summary>The tenant entered <see cref="DunningState.Unpaid"/>.</summary>
    public const string Unpaid = "dunning.unpaid";

    /// <summary>The tenant returned to <see cref="DunningState.Active"/>.</summary>
    public const string AccessRestored = "dunning.access_restored";
}
