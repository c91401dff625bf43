using BillingKit.Dunning;

namespace BillingKit.Operations;

/// <summary>What the provider-event handler did with one event.</summary>
/// <param name="Outcome">Applied, ignored, duplicate or needs attention.</param>
/// <param name="EventId">The provider's event id.</param>
/// <param name="Note">Why, when it was not simply applied.</param>
public sealed record ProviderEventResult(ProviderEventOutcome Outcome, string EventId, string? Note)
{
    /// <summary>Gets the dunning decision the event caused, if the tenant is in dunning.</summary>
    public DunningDecision? Dunning { get; init; }

    /// <summary>Gets the refund the event moved, if any.</summary>
    public DeskRefund? Refund { get; init; }

    /// <summary>Gets the dispute the event opened or closed, if any.</summary>
    public DeskDispute? Dispute { get; init; }
}
