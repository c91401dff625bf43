namespace BillingKit.Operations;

/// <summary>
/// Marks a public desk service method that changes something on behalf of an actor. Such a method demands
/// <see cref="Permission"/> before writing anything and writes exactly one audit record named <see cref="Action"/>
/// (with the actor and the reason) in the same unit of work as its change.
/// </summary>
/// <remarks>The test suite finds every marked method by reflection, runs it on a fresh desk, and checks the single
/// audit record; a public desk method that takes an actor or a <see cref="DeskRequest"/> must carry this attribute
/// or <see cref="DeskQueryAttribute"/>.</remarks>
/// <param name="action">The audit action name, lower case and dotted, such as <c>refund.issue</c>.</param>
/// <param name="permission">The permission the action demands.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DeskActionAttribute(string action, DeskPermission permission) : Attribute
{
    /// <summary>Gets the audit action name.</summary>
    public string Action { get; } = action;

    /// <summary>Gets the permission the action demands.</summary>
    public DeskPermission Permission { get; } = permission;
}
