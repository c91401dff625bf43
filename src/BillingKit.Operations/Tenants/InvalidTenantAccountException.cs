namespace BillingKit.Operations;

/// <summary>A tenant account was registered or changed with values the directory does not accept, or was not
/// found. Nothing was written.</summary>
public sealed class InvalidTenantAccountException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public InvalidTenantAccountException(TenantId tenant, string message)
        : base(message)
    {
        Tenant = tenant;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }
}
