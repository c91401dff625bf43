using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// Storage port of the desk's disputes. Writes and the reads that decide them take the tenant's unit of work.
/// <see cref="InMemoryDisputeStore"/> is the default.
/// </summary>
public interface IDisputeStore
{
    /// <summary>Stages a new dispute or a new version of one (same <see cref="DeskDispute.Id"/>).</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="dispute">The dispute; its tenant must be the unit's.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, DeskDispute dispute, CancellationToken cancellationToken = default);

    /// <summary>Finds a dispute by the provider's dispute id, as the unit sees it.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="disputeId">The provider's dispute id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dispute, or <see langword="null"/>.</returns>
    ValueTask<DeskDispute?> FindAsync(ITenantUnitOfWork unit, string disputeId, CancellationToken cancellationToken = default);

    /// <summary>Lists committed disputes, oldest first.</summary>
    /// <param name="tenant">One tenant, or <see langword="null"/> for all.</param>
    /// <param name="status">One status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The disputes.</returns>
    ValueTask<IReadOnlyList<DeskDispute>> ListAsync(TenantId? tenant, DeskDisputeStatus? status, CancellationToken cancellationToken = default);
}
