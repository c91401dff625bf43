using System.Globalization;

namespace BillingKit.Operations;

/// <summary>An actor tried a desk action that their role does not permit. Nothing was written.</summary>
public sealed class PermissionDeniedException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">Who tried.</param>
    /// <param name="permission">The permission the action needs.</param>
    /// <param name="rolesWithPermission">The roles that hold it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="rolesWithPermission"/> is null.</exception>
    public PermissionDeniedException(Actor actor, DeskPermission permission, IReadOnlyList<BillingRole> rolesWithPermission)
        : base(Describe(actor, permission, rolesWithPermission))
    {
        Actor = actor;
        Permission = permission;
        RolesWithPermission = rolesWithPermission;
    }

    /// <summary>Gets who tried.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the actor's role.</summary>
    public BillingRole Role => Actor.Role;

    /// <summary>Gets the permission the action needs.</summary>
    public DeskPermission Permission { get; }

    /// <summary>Gets the roles that would be allowed.</summary>
    public IReadOnlyList<BillingRole> RolesWithPermission { get; }

    private static string Describe(Actor actor, DeskPermission permission, IReadOnlyList<BillingRole> roles)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roles);
        var needed = roles.Count == 0 ? "no role" : string.Join(" or ", roles.Where(r => r != BillingRole.System));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{actor} may not {permission}: the {actor.Role} role lacks that permission; it needs the {needed} role. Nothing was changed.");
    }
}
