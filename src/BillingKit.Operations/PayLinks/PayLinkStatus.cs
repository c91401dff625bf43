namespace BillingKit.Operations;

/// <summary>What a pay link's verification found.</summary>
public enum PayLinkStatus
{
    /// <summary>Authentic, not revoked and not expired: show the payment page.</summary>
    Valid = 0,

    /// <summary>Authentic but past its expiry: offer a new link (<see cref="PayLinkDesk.ReissueAsync(DeskRequest, string, CancellationToken)"/>).</summary>
    Expired = 1,

    /// <summary>Authentic but revoked by the desk: show no payment page and issue no new link.</summary>
    Revoked = 2,

    /// <summary>Not a link we signed: malformed, altered, or signed with an unknown key.</summary>
    Tampered = 3,
}
