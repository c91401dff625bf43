namespace BillingKit.Providers;

/// <summary>A verified event of a type BillingKit does not act on (such as <c>customer.created</c>). Acknowledge it
/// to the provider and otherwise ignore it.</summary>
public sealed record UnmappedEvent : BillingEvent;
