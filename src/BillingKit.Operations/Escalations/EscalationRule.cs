namespace BillingKit.Operations;

/// <summary>Where one kind of case goes and how soon it must be handled.</summary>
public sealed class EscalationRule
{
    /// <summary>Gets or sets the team or queue that receives the case, such as <c>support-lead</c>.</summary>
    /// <value>Set by <see cref="EscalationOptions"/> per kind.</value>
    public string Route { get; set; } = string.Empty;

    /// <summary>Gets or sets how long after it is raised the case is due; above zero.</summary>
    /// <value>Set by <see cref="EscalationOptions"/> per kind.</value>
    public TimeSpan Sla { get; set; }
}
