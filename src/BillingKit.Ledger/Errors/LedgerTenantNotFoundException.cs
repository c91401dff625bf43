namespace BillingKit.Ledger;

/// <summary>Thrown when the ledger is asked for the books of a tenant that has never had anything posted or recorded.</summary>
public sealed class LedgerTenantNotFoundException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    public LedgerTenantNotFoundException(TenantId tenant)
        : base($"The ledger has no books for tenant {tenant}; expected a tenant with at least one charge, payment or credit. Check the tenant id.")
    {
        Tenant = tenant;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }
}
