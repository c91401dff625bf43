namespace BillingKit.Operations;

/// <summary>A desk action's audit name and the permission it demands; the same pair as its
/// <see cref="DeskActionAttribute"/>.</summary>
/// <param name="Name">The audit action name.</param>
/// <param name="Permission">The permission.</param>
internal readonly record struct DeskAction(string Name, DeskPermission Permission);
