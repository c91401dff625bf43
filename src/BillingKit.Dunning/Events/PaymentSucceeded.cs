using NodaTime;

namespace BillingKit.Dunning;

/// <summary>A payment settled the tenant's open balance (a charge, a retry, a wire recorded by finance).</summary>
/// <param name="OccurredAt">The provider's event time, or when finance recorded the payment.</param>
public sealed record PaymentSucceeded(Instant OccurredAt) : DunningEvent(OccurredAt);
