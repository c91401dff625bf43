using System.Collections.Frozen;

namespace BillingKit.Operations;

/// <summary>
/// The desk's role and permission matrix, and the check every desk action makes before it writes anything.
/// </summary>
/// <remarks>
/// <para>The matrix: <see cref="BillingRole.SuperAdmin"/> and <see cref="BillingRole.BillingAdmin"/> hold every
/// permission (they differ in credit authority); <see cref="BillingRole.Finance"/> creates and manages money:
/// it may view billing and reports, add notes, record payments, refund, cancel payments, issue credits, create
/// invoices, handle disputes, manage pay links and read the audit log; <see cref="BillingRole.Support"/> may view
/// billing and add notes; <see cref="BillingRole.System"/> (schedulers, provider events) may do the automatic
/// work: view billing, add notes, record payments, refund, cancel payments, create invoices, manage dunning,
/// entitlements, subscriptions, disputes and pay links, and handle provider events; a
/// <see cref="BillingRole.Customer"/> holds no desk permission.</para>
/// <para>Pure and thread-safe. Hosts may call <see cref="IsAllowed"/> to show only the actions an actor may take.</para>
/// </remarks>
public static class DeskAuthorizer
{
    private static readonly FrozenDictionary<BillingRole, FrozenSet<DeskPermission>> Matrix = BuildMatrix();

    /// <summary>Gets the permissions a role holds.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The permissions, possibly none.</returns>
    public static IReadOnlySet<DeskPermission> PermissionsOf(BillingRole role) =>
        Matrix.TryGetValue(role, out var permissions) ? permissions : FrozenSet<DeskPermission>.Empty;

    /// <summary>Gets the roles that hold a permission, most restricted first.</summary>
    /// <param name="permission">The permission.</param>
    /// <returns>The roles, in the order Support, Finance, BillingAdmin, SuperAdmin, System.</returns>
    public static IReadOnlyList<BillingRole> RolesWith(DeskPermission permission) =>
        [.. Enum.GetValues<BillingRole>().Where(role => PermissionsOf(role).Contains(permission))];

    /// <summary>Tells whether an actor holds a permission.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="permission">The permission.</param>
    /// <returns><see langword="true"/> when the actor's role holds it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    public static bool IsAllowed(Actor actor, DeskPermission permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return PermissionsOf(actor.Role).Contains(permission);
    }

    /// <summary>Demands a permission: returns when the actor holds it, throws otherwise.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="permission">The permission.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor's role does not hold <paramref name="permission"/>.</exception>
    public static void Demand(Actor actor, DeskPermission permission)
    {
        if (!IsAllowed(actor, permission))
        {
            throw new PermissionDeniedException(actor, permission, RolesWith(permission));
        }
    }

    private static FrozenDictionary<BillingRole, FrozenSet<DeskPermission>> BuildMatrix()
    {
        var everything = Enum.GetValues<DeskPermission>();
        DeskPermission[] finance =
        [
            DeskPermission.ViewBilling, DeskPermission.AddNote, DeskPermission.RecordPayment, DeskPermission.IssueRefund,
            DeskPermission.CancelPayment, DeskPermission.IssueCredit, DeskPermission.CreateInvoice,
            DeskPermission.HandleDisputes, DeskPermission.ViewReports, DeskPermission.ManagePayLinks,
            DeskPermission.ViewAuditLog,
        ];
        DeskPermission[] support = [DeskPermission.ViewBilling, DeskPermission.AddNote];
        DeskPermission[] system =
        [
            DeskPermission.ViewBilling, DeskPermission.AddNote, DeskPermission.RecordPayment, DeskPermission.IssueRefund,
            DeskPermission.CancelPayment, DeskPermission.CreateInvoice, DeskPermission.ManageDunning,
            DeskPermission.ManageEntitlements, DeskPermission.ManageSubscriptions, DeskPermission.HandleDisputes,
            DeskPermission.ManagePayLinks, DeskPermission.HandleProviderEvents,
        ];
        return new Dictionary<BillingRole, FrozenSet<DeskPermission>>
        {
            [BillingRole.SuperAdmin] = everything.ToFrozenSet(),
            [BillingRole.BillingAdmin] = everything.ToFrozenSet(),
            [BillingRole.Finance] = finance.ToFrozenSet(),
            [BillingRole.Support] = support.ToFrozenSet(),
            [BillingRole.System] = system.ToFrozenSet(),
            [BillingRole.Customer] = FrozenSet<DeskPermission>.Empty,
        }.ToFrozenDictionary();
    }
}
