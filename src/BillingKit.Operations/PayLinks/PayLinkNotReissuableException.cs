namespace BillingKit.Operations;

/// <summary>A new pay link was asked for in place of one that is not expired (it is still valid, revoked, tampered,
/// or for another tenant). Nothing was issued.</summary>
public sealed class PayLinkNotReissuableException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">What the old link's verification found.</param>
    /// <param name="detail">Why no new link is issued.</param>
    public PayLinkNotReissuableException(PayLinkStatus status, string detail)
        : base($"No new pay link was issued: {detail}. Only an authentic, unrevoked, expired link of the request's tenant is re-issued.")
    {
        Status = status;
    }

    /// <summary>Gets what the old link's verification found.</summary>
    public PayLinkStatus Status { get; }
}
