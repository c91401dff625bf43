using NodaTime;

namespace BillingKit.Providers;

/// <summary>
/// A verified, provider-neutral event from a provider's webhook. Subtypes say what happened.
/// </summary>
/// <remarks>
/// Providers deliver events at least once, late and out of order. Handle each <see cref="EventId"/> once (per
/// provider and account), and never let an event older than the state it would change (compare
/// <see cref="OccurredAt"/>) move that state backwards.
/// </remarks>
public abstract record BillingEvent
{
    /// <summary>Gets the provider that sent the event.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the account the webhook was verified for.</summary>
    public required string Account { get; init; }

    /// <summary>Gets the provider's unique id of the event (Stripe <c>evt_...</c>); the key to handle it once.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets the provider's event type, such as <c>payment_intent.succeeded</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets when the provider created the event (not when it was delivered).</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>Gets a value indicating whether the event comes from the provider's live mode, when it says;
    /// <see langword="null"/> when it does not.</summary>
    public bool? IsLive { get; init; }
}
