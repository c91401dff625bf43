namespace BillingKit.Entitlements;

/// <summary>Thrown by admin calls about a tenant that has no entitlements yet (it was never given a plan).</summary>
public sealed class UnknownTenantException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    public UnknownTenantException(TenantId tenant)
        : base($"Tenant '{tenant}' has no entitlements: give it a plan with EntitlementService.SetPlanAsync first.") => Tenant = tenant;

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }
}
