using NodaTime;

namespace BillingKit.Providers;

/// <summary>A subscription held by a provider, after a change.</summary>
public sealed record ProviderSubscription
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the subscription.</summary>
    public required string ProviderSubscriptionId { get; init; }

    /// <summary>Gets the provider's status text, such as <c>active</c> or <c>canceled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets a value indicating whether the subscription ends at the end of the current period.</summary>
    public bool CancelAtPeriodEnd { get; init; }

    /// <summary>Gets when the subscription was cancelled, if it was.</summary>
    public Instant? CanceledAt { get; init; }

    /// <summary>Gets when the subscription will end or ended, when the provider says.</summary>
    public Instant? EndsAt { get; init; }
}
