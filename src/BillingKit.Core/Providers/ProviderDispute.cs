using NodaTime;

namespace BillingKit.Providers;

/// <summary>A dispute (charge-back) as a provider reports it.</summary>
public sealed record ProviderDispute
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the dispute.</summary>
    public required string ProviderDisputeId { get; init; }

    /// <summary>Gets the provider's id of the disputed payment (or charge).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the disputed amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the status.</summary>
    public required ProviderDisputeStatus Status { get; init; }

    /// <summary>Gets the provider's reason code, such as <c>fraudulent</c> or <c>product_not_received</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the moment by which evidence must be submitted, when the provider says.</summary>
    public Instant? EvidenceDueBy { get; init; }

    /// <summary>Gets a value indicating whether evidence has been submitted.</summary>
    public bool EvidenceSubmitted { get; init; }

    /// <summary>Gets when the provider opened the dispute, when it says.</summary>
    public Instant? CreatedAt { get; init; }
}
