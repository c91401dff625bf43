namespace BillingKit.Entitlements;

/// <summary>Thrown when a tenant is put on, or found on, a plan that is not registered in <see cref="EntitlementOptions.Plans"/>.</summary>
public sealed class UnknownPlanException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="plan">The plan's id.</param>
    public UnknownPlanException(PlanId plan)
        : base($"Plan '{plan}' is not registered: add it to EntitlementOptions.Plans, or use one of the registered plans.") => Plan = plan;

    /// <summary>Gets the plan's id.</summary>
    public PlanId Plan { get; }
}
