namespace BillingKit.Operations;

/// <summary>Marks a public desk service method that only reads: it demands <see cref="Permission"/> and writes no
/// audit record.</summary>
/// <param name="permission">The permission the query demands.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class DeskQueryAttribute(DeskPermission permission) : Attribute
{
    /// <summary>Gets the permission the query demands.</summary>
    public DeskPermission Permission { get; } = permission;
}
