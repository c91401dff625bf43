using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The audit log's store: append in the unit of work of the change being recorded, query by tenant, actor, action
/// and time range. The in-memory default is <see cref="InMemoryAuditLog"/>; the PostgreSQL package implements it
/// durably.
/// </summary>
/// <remarks>Implementations are thread-safe. The log is append-only: records are never changed or removed.</remarks>
public interface IAuditLog
{
    /// <summary>Stages a record in a unit of work; it becomes visible when the unit commits, and is discarded with it.</summary>
    /// <param name="unit">The unit of the change being recorded.</param>
    /// <param name="record">The record; its tenant must be the unit's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is staged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException">The record's tenant is not the unit's, or its id is already used.</exception>
    ValueTask AppendAsync(ITenantUnitOfWork unit, AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads committed records, newest first (by time, then by the order they were appended, latest first),
    /// one page at a time. Page tokens are the store's own and opaque.</summary>
    /// <param name="query">The filters and the page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The query's page token is not one this log issued.</exception>
    ValueTask<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
