namespace BillingKit.Operations;

/// <summary>The desk's audit log: every desk action and handled event, queried by tenant, actor, action and time
/// range. Reads only.</summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class AuditLogDesk
{
    private readonly IAuditLog _log;

    internal AuditLogDesk(IAuditLog log) => _log = log;

    /// <summary>Queries the audit log: any combination of tenant, actor id, action name and time range
    /// (<see cref="AuditQuery.From"/> inclusive, <see cref="AuditQuery.Until"/> exclusive), newest first, one page at
    /// a time (pass <see cref="AuditPage.NextPageToken"/> as <see cref="AuditQuery.PageToken"/> for the next).</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewAuditLog"/>.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not read the audit log.</exception>
    [DeskQuery(DeskPermission.ViewAuditLog)]
    public async Task<AuditPage> QueryAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewAuditLog);
        ArgumentNullException.ThrowIfNull(query);
        return await _log.QueryAsync(query, cancellationToken).ConfigureAwait(false);
    }
}
