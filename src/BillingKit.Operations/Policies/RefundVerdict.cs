namespace BillingKit.Operations;

/// <summary>The refund policy's verdict, with the rule that decided it: recorded in the refund's audit record.</summary>
/// <param name="Decision">What the policy says.</param>
/// <param name="Rule">The rule that decided, such as <c>refund.accidental-renewal-window</c>.</param>
/// <param name="Explanation">Why, in words for the desk.</param>
public sealed record RefundVerdict(RefundDecision Decision, string Rule, string Explanation);
