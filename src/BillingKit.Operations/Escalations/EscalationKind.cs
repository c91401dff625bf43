namespace BillingKit.Operations;

/// <summary>The kinds of case the desk escalates to people.</summary>
public enum EscalationKind
{
    /// <summary>A refund a customer asked for that needs a person's decision.</summary>
    RefundRequest = 0,

    /// <summary>A dispute (charge-back) that needs a response before its due date.</summary>
    Dispute = 1,

    /// <summary>Our state and a provider's disagree, or synchronisation with it failed.</summary>
    ProviderSyncError = 2,

    /// <summary>Payments are failing across tenants at an unusual rate.</summary>
    MassPaymentFailure = 3,
}
