namespace BillingKit.Entitlements;

/// <summary>A resolved metric in a snapshot: its effective limit and, when access or the plan denies it, why.</summary>
/// <param name="Limit">The effective limit; <see cref="long.MaxValue"/> when unlimited, 0 when not in the plan.</param>
/// <param name="Deny"><see cref="EntitlementReason.WithinLimit"/> when consumption is decided by the limit, else the reason every request is denied.</param>
internal readonly record struct MetricGate(long Limit, EntitlementReason Deny);
