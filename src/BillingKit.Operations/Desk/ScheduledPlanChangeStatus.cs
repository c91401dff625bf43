namespace BillingKit.Operations;

/// <summary>Where a plan change scheduled for period end is.</summary>
public enum ScheduledPlanChangeStatus
{
    /// <summary>Waiting for its effective date; <see cref="PlanChangeProcessor"/> applies it then.</summary>
    Pending = 0,

    /// <summary>Applied: the tenant's entitlements moved to the new plan.</summary>
    Applied = 1,

    /// <summary>Canceled before it took effect (the subscription was canceled, or changed again); nothing moved.</summary>
    Canceled = 2,
}
