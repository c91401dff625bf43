namespace BillingKit.Invoicing;

/// <summary>Where a subscription is in its life cycle.</summary>
/// <remarks>Trial → Active (trial ends) → PastDue (a payment failed) → Active (paid) ...; any of them → Canceled, which is terminal.</remarks>
public enum SubscriptionStatus
{
    /// <summary>In a free trial until <see cref="Subscription.TrialEnd"/>; billing starts when it ends.</summary>
    Trial = 0,

    /// <summary>Billing normally.</summary>
    Active = 1,

    /// <summary>A scheduled payment is overdue; billing continues while dunning runs.</summary>
    PastDue = 2,

    /// <summary>Ended; nothing more is billed. Terminal.</summary>
    Canceled = 3,
}
