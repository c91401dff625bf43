using BillingKit.Dunning;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations;

/// <summary>
/// What the desk looks at: customer lookup by e-mail or name, a tenant's billing detail, and the failures and
/// suspensions view with the actions available on each row. Reads only (<see cref="DeskQueryAttribute"/>): each
/// demands <see cref="DeskPermission.ViewBilling"/> and writes nothing.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class DeskViews
{
    private readonly TenantBillingReader _reader;
    private readonly DunningService _dunning;
    private readonly DeskViewOptions _options;

    internal DeskViews(TenantBillingReader reader, DunningService dunning, IOptions<DeskViewOptions> options)
    {
        _reader = reader;
        _dunning = dunning;
        _options = options.Value;
    }

    /// <summary>Finds tenants by what the desk typed: part of the name, billing e-mail, contact, tenant id or the
    /// provider's customer id, ignoring case.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>.</param>
    /// <param name="search">The text, such as <c>"acme"</c> or <c>"billing@acme"</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching accounts by name, at most <see cref="DeskViewOptions.LookupLimit"/>; none for a blank text.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<IReadOnlyList<TenantAccount>> FindCustomersAsync(Actor actor, string search, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        return await _reader.Accounts.SearchAsync(search, _options.LookupLimit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a tenant's billing detail: account, plan, dunning status, provider and its customer id,
    /// balances, subscriptions, recent invoices and payments.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>.</param>
    /// <param name="tenant">The tenant, usually from <see cref="FindCustomersAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The detail.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    /// <exception cref="InvalidTenantAccountException">The tenant is not registered in the directory.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<TenantBillingDetail> GetBillingDetailAsync(Actor actor, TenantId tenant, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        var account = await _reader.RequireAccountAsync(tenant, cancellationToken).ConfigureAwait(false);
        return new TenantBillingDetail(
            account,
            await _reader.PlanAsync(account, cancellationToken).ConfigureAwait(false),
            await _reader.DunningAsync(tenant, cancellationToken).ConfigureAwait(false),
            await _reader.BalancesAsync(tenant, cancellationToken).ConfigureAwait(false),
            await _reader.SubscriptionsAsync(account, cancellationToken).ConfigureAwait(false),
            await _reader.RecentInvoicesAsync(tenant, _options.RecentItems, cancellationToken).ConfigureAwait(false),
            await _reader.RecentPaymentsAsync(tenant, _options.RecentItems, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The failures and suspensions view: every tenant in the dunning lifecycle (a failure open, or a state
    /// forced), most days past due first, with its name and the desk actions the actor may take on it.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>. The actions on each row are
    /// those the actor's role permits.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<IReadOnlyList<DunningFailureRow>> GetFailuresAndSuspensionsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        var rows = await _dunning.GetFailuresAndSuspensionsAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = (await _reader.InLifecycleAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Tenant);
        var result = new List<DunningFailureRow>(rows.Count);
        foreach (var row in rows)
        {
            var account = await _reader.Accounts.FindAsync(row.Tenant, cancellationToken).ConfigureAwait(false);
            var snapshot = snapshots.TryGetValue(row.Tenant, out var s) ? s : await _dunning.GetAsync(row.Tenant, cancellationToken).ConfigureAwait(false);
            result.Add(new DunningFailureRow(row, account?.Name ?? row.Tenant.Value, account, DunningRowActions.For(snapshot, actor)));
        }

        return result;
    }
}
