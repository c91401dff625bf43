namespace BillingKit.Dunning;

/// <summary>A tenant was enrolled twice.</summary>
public sealed class DunningTenantAlreadyEnrolledException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    public DunningTenantAlreadyEnrolledException(TenantId tenant)
        : base($"Tenant '{tenant}' is already enrolled in dunning; send it events or overrides instead of enrolling it again.") => Tenant = tenant;

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }
}
