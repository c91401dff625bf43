namespace BillingKit.Operations;

/// <summary>Where a dispute (charge-back) stands on the desk.</summary>
public enum DeskDisputeStatus
{
    /// <summary>Opened by the provider; a response is due by <see cref="DeskDispute.ResponseDueBy"/>.</summary>
    Open = 0,

    /// <summary>Evidence was submitted through the provider; the issuer decides.</summary>
    EvidenceSubmitted = 1,

    /// <summary>Won: the money stays with the tenant's books.</summary>
    Won = 2,

    /// <summary>Lost (or accepted): the charge-back is posted to the ledger.</summary>
    Lost = 3,

    /// <summary>Closed by the provider without a charge-back (for example an inquiry).</summary>
    ClosedWithoutChargeback = 4,
}
