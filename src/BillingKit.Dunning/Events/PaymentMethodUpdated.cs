using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The customer updated the payment method: lifts a hard-decline stop and retries at once if a retry is left.</summary>
/// <param name="OccurredAt">When the customer updated it.</param>
public sealed record PaymentMethodUpdated(Instant OccurredAt) : DunningEvent(OccurredAt);
