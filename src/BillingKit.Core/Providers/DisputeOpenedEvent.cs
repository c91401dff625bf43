using NodaTime;

namespace BillingKit.Providers;

/// <summary>A customer disputed a payment (a charge-back or an inquiry).</summary>
public sealed record DisputeOpenedEvent : BillingEvent
{
    /// <summary>Gets the provider's id of the dispute.</summary>
    public required string ProviderDisputeId { get; init; }

    /// <summary>Gets the provider's id of the disputed payment (or charge).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the disputed amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the provider's reason code, such as <c>fraudulent</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the moment by which evidence must be submitted, when the provider says.</summary>
    public Instant? ResponseDueBy { get; init; }
}
