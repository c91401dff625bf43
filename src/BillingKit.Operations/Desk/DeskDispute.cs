using NodaTime;

namespace BillingKit.Operations;

/// <summary>A dispute (charge-back) of a tenant's payment, as the desk tracks it. Immutable; a change is a new version.</summary>
public sealed record DeskDispute
{
    /// <summary>Gets the provider's dispute id, the dispute's id on the desk (unique per tenant).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's account that holds the dispute.</summary>
    public required string Account { get; init; }

    /// <summary>Gets the provider's id of the disputed charge.</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets our payment, when the ledger has one with that provider charge id.</summary>
    public PaymentId? Payment { get; init; }

    /// <summary>Gets the disputed amount.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the reason the provider gives (for example <c>fraudulent</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets when the response (evidence) is due, if the provider says.</summary>
    public Instant? ResponseDueBy { get; init; }

    /// <summary>Gets where it stands.</summary>
    public required DeskDisputeStatus Status { get; init; }

    /// <summary>Gets when it was opened (the provider's event time).</summary>
    public required Instant OpenedAt { get; init; }

    /// <summary>Gets the occurrence time of the newest provider event applied, so an older one never moves it back.</summary>
    public required Instant LastEventAt { get; init; }

    /// <summary>Gets the dispute policy's suggestion when it was opened (accept, challenge or review), with its rule.</summary>
    public DisputeRecommendation? Recommendation { get; init; }

    /// <summary>Gets how many times evidence was submitted.</summary>
    public int EvidenceSubmissions { get; init; }

    /// <summary>Gets whether the charge-back is posted to the ledger.</summary>
    public bool ChargeBackPosted { get; init; }
}
