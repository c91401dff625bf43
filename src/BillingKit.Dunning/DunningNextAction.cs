namespace BillingKit.Dunning;

/// <summary>What the lifecycle will do next for a tenant, as the desk view shows it.</summary>
public enum DunningNextAction
{
    /// <summary>Nothing is pending.</summary>
    None = 0,

    /// <summary>An automatic charge retry.</summary>
    RetryCharge = 1,

    /// <summary>Move to <see cref="DunningState.Degraded"/>.</summary>
    Degrade = 2,

    /// <summary>Move to <see cref="DunningState.Restricted"/>.</summary>
    Restrict = 3,

    /// <summary>Move to <see cref="DunningState.Suspended"/>.</summary>
    Suspend = 4,

    /// <summary>Retries are stopped by a hard decline until the customer updates the payment method.</summary>
    AwaitPaymentMethodUpdate = 5,

    /// <summary>Nothing automatic is left: waiting for a payment (a wire, a manual charge).</summary>
    AwaitPayment = 6,

    /// <summary>An admin forced the state; waiting for the admin to clear it.</summary>
    AwaitAdmin = 7,
}
