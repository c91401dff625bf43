namespace BillingKit.Operations;

/// <summary>The evidence staff submit for a dispute; the desk sends it through the provider with a key derived from the dispute id.</summary>
public sealed record DisputeEvidenceText
{
    /// <summary>Gets what was sold.</summary>
    public string? ProductDescription { get; init; }

    /// <summary>Gets the customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Gets the customer's email.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>Gets when the service was provided.</summary>
    public string? ServiceDate { get; init; }

    /// <summary>Gets the usage evidence: the customer's access and activity log.</summary>
    public string? AccessActivityLog { get; init; }

    /// <summary>Gets the cancellation policy as disclosed to the customer.</summary>
    public string? CancellationPolicyDisclosure { get; init; }

    /// <summary>Gets the refund policy as disclosed to the customer.</summary>
    public string? RefundPolicyDisclosure { get; init; }

    /// <summary>Gets anything else.</summary>
    public string? UncategorizedText { get; init; }
}
