namespace BillingKit.Dunning;

/// <summary>An event or query named a tenant that is not enrolled in dunning.</summary>
public sealed class DunningTenantNotFoundException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The unknown tenant.</param>
    public DunningTenantNotFoundException(TenantId tenant)
        : base($"Tenant '{tenant}' is not enrolled in dunning; enroll it with DunningService.EnrollAsync before sending it events.") => Tenant = tenant;

    /// <summary>Gets the unknown tenant.</summary>
    public TenantId Tenant { get; }
}
