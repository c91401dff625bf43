namespace BillingKit.Operations;

/// <summary>The dispute response policy's suggestion, with the rule that decided it.</summary>
/// <param name="Response">What to do.</param>
/// <param name="Rule">The rule, such as <c>dispute.below-threshold</c>.</param>
/// <param name="Explanation">Why, in words for the desk.</param>
public sealed record DisputeRecommendation(DisputeResponse Response, string Rule, string Explanation);
