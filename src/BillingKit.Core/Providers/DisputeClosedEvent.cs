namespace BillingKit.Providers;

/// <summary>A dispute closed, won or lost.</summary>
public sealed record DisputeClosedEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the dispute.</summary>
    public required string ProviderDisputeId { get; init; }

    /// <summary>Gets the provider's id of the disputed payment (or charge).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the disputed amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets how it closed.</summary>
    public required DisputeOutcome Outcome { get; init; }
}
