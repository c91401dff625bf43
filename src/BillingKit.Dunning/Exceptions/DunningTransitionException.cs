namespace BillingKit.Dunning;

/// <summary>An event asked for a transition the lifecycle does not allow (for example forcing a state on a canceled
/// subscription, or clearing a force that is not there). Nothing changed.</summary>
public sealed class DunningTransitionException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="state">The tenant's state.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public DunningTransitionException(TenantId tenant, DunningState state, string message)
        : base(message)
    {
        Tenant = tenant;
        State = state;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the state the tenant was in.</summary>
    public DunningState State { get; }
}
