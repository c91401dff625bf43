using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>What a plan change did.</summary>
/// <param name="Previous">The old subscription, now ending at the end of the current period.</param>
/// <param name="Next">The new subscription on the new plan, starting where the old one ends.</param>
/// <param name="Credit">The credit for the old plan's unused time (zero at period end or in a trial), tax included.</param>
/// <param name="Charge">The charge for the rest of the period on the new plan (zero at period end or in a trial), tax included.</param>
/// <param name="EntitlementsChanged">Whether the tenant's entitlements moved to the new plan now.</param>
public sealed record PlanChangeResult(Subscription Previous, Subscription Next, Money Credit, Money Charge, bool EntitlementsChanged)
{
    /// <summary>Gets the change recorded for period end, which <see cref="PlanChangeProcessor"/> applies when the period
    /// ends (moving the entitlements), or <see langword="null"/> for a change effective now.</summary>
    public ScheduledPlanChange? Scheduled { get; init; }
}
