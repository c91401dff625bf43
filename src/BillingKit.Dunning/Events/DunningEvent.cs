using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Something that happened to a tenant's billing, fed to <see cref="DunningMachine.Decide"/>.</summary>
/// <remarks>Every event carries the instant it occurred (for provider events, the provider's event time), so that a
/// stale event (a failure reported after a later success) never regresses the tenant.</remarks>
public abstract record DunningEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="occurredAt">When it occurred.</param>
    protected DunningEvent(Instant occurredAt) => OccurredAt = occurredAt;

    /// <summary>Gets when the event occurred.</summary>
    public Instant OccurredAt { get; }
}
