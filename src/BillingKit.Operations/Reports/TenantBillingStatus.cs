namespace BillingKit.Operations;

/// <summary>A tenant's status in the billing monitoring report, from its subscriptions: past due if any is, else
/// active if any is, else trial if any is, else canceled if it had any.</summary>
public enum TenantBillingStatus
{
    /// <summary>No subscription.</summary>
    NoSubscription = 0,

    /// <summary>At least one subscription in a trial, none active or past due.</summary>
    Trial = 1,

    /// <summary>At least one active subscription, none past due.</summary>
    Active = 2,

    /// <summary>At least one subscription past due.</summary>
    PastDue = 3,

    /// <summary>Only canceled subscriptions.</summary>
    Canceled = 4,
}
