namespace BillingKit.Operations;

/// <summary>Where a tenant's account stands in the desk's directory (not its dunning state).</summary>
public enum TenantAccountStatus
{
    /// <summary>A billed customer.</summary>
    Active = 0,

    /// <summary>Billing is on hold by decision of the business (not by dunning).</summary>
    Suspended = 1,

    /// <summary>The customer left; kept for history and reports.</summary>
    Closed = 2,
}
