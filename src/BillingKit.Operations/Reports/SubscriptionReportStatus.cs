namespace BillingKit.Operations;

/// <summary>How a subscription counts in the billing monitoring report.</summary>
public enum SubscriptionReportStatus
{
    /// <summary>Paid up and billing; counts in MRR.</summary>
    Active = 0,

    /// <summary>In a trial that has not ended; not in MRR.</summary>
    Trial = 1,

    /// <summary>Billing, with a payment failed (the subscription is past due, or the tenant's dunning state is past
    /// due, degraded, restricted, suspended or unpaid); counts in MRR.</summary>
    PastDue = 2,

    /// <summary>Canceled, or its scheduled end has passed; not in MRR.</summary>
    Canceled = 3,
}
