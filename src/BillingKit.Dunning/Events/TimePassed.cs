using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The processor's tick: applies whatever is due at <see cref="DunningEvent.OccurredAt"/> (retries, stages).</summary>
/// <param name="OccurredAt">The processor's <c>now</c>.</param>
public sealed record TimePassed(Instant OccurredAt) : DunningEvent(OccurredAt);
