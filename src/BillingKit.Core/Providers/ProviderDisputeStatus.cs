namespace BillingKit.Providers;

/// <summary>Where a dispute stands at the provider.</summary>
public enum ProviderDisputeStatus
{
    /// <summary>Open; evidence is due.</summary>
    NeedsResponse = 0,

    /// <summary>Evidence submitted; the issuer is deciding.</summary>
    UnderReview = 1,

    /// <summary>Closed in our favour; the money stays with us.</summary>
    Won = 2,

    /// <summary>Closed in the customer's favour (or accepted); the money is gone.</summary>
    Lost = 3,

    /// <summary>An inquiry (early warning) that closed without becoming a charge-back.</summary>
    ClosedWithoutChargeback = 4,
}
