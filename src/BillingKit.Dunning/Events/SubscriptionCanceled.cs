using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The subscription ended: the tenant moves to the terminal <see cref="DunningState.Canceled"/>.</summary>
/// <param name="OccurredAt">When it was canceled.</param>
public sealed record SubscriptionCanceled(Instant OccurredAt) : DunningEvent(OccurredAt);
