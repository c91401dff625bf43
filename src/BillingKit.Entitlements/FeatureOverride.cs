using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>A tenant's value for one feature that replaces the plan's until it is removed.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Value">The value that replaces the plan's.</param>
/// <param name="Reason">Why it was set, for people reading it later.</param>
/// <param name="SetAt">When it was set.</param>
public sealed record FeatureOverride(Feature Feature, FeatureValue Value, string Reason, Instant SetAt);
