using BillingKit.Dunning;

namespace BillingKit.Operations;

/// <summary>One row of the desk's failures and suspensions view: the dunning row, who the tenant is, and the desk
/// actions the asking actor may take on it.</summary>
/// <param name="Status">The dunning context's row (state, access, mode, days past due, retries, last decline, forced
/// state, next action and when).</param>
/// <param name="TenantName">The tenant's name from the directory, or its id when it is not registered.</param>
/// <param name="Account">The tenant's account, or <see langword="null"/> when it is not registered.</param>
/// <param name="Actions">The actions that apply to the row and that the actor's role permits, in the order of
/// <see cref="DunningRowAction"/>.</param>
public sealed record DunningFailureRow(
    DunningStatusRow Status,
    string TenantName,
    TenantAccount? Account,
    IReadOnlyList<DunningRowAction> Actions);
