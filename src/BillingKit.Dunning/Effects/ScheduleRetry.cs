using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The next automatic retry is due at <paramref name="At"/>; the processor will emit <see cref="AttemptCharge"/> then.</summary>
/// <param name="At">When the retry is due.</param>
/// <param name="AttemptNumber">The attempt number it will have.</param>
public sealed record ScheduleRetry(Instant At, int AttemptNumber) : DunningEffect;
