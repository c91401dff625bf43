namespace BillingKit.Operations;

/// <summary>An upgrade or downgrade of a subscription.</summary>
/// <param name="Plan">The new plan (registered in entitlements when the change is effective now).</param>
/// <param name="Price">The new plan's price per billing period, before tax, in the subscription's currency.</param>
/// <param name="Timing">Now (prorated) or at period end.</param>
public sealed record PlanChange(PlanId Plan, Money Price, PlanChangeTiming Timing);
