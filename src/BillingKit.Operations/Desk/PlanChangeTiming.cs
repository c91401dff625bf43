namespace BillingKit.Operations;

/// <summary>When a plan change takes effect.</summary>
public enum PlanChangeTiming
{
    /// <summary>Now: the unused time of the old plan is credited, the rest of the period on the new plan charged, and
    /// the entitlements follow at once. The new plan's subscription bills from the next period.</summary>
    Now = 0,

    /// <summary>At the end of the current period: no proration; the old subscription ends and the new one starts
    /// there. The entitlements keep the old plan until then, when <see cref="PlanChangeProcessor"/> moves them.</summary>
    AtPeriodEnd = 1,
}
