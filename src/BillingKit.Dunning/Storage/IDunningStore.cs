using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Where dunning records live. Writes go through a tenant's unit of work so that one desk operation can change
/// several contexts atomically; reads outside a unit see committed state only.</summary>
/// <remarks>Implementations: <see cref="InMemoryDunningStore"/> (the default) and the PostgreSQL package. Thread-safe.</remarks>
public interface IDunningStore
{
    /// <summary>Reads the unit's tenant's record, including changes staged earlier in the same unit.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when the tenant is not enrolled.</returns>
    ValueTask<DunningSnapshot?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default);

    /// <summary>Stages the new record, the transitions that led to it and the override that caused it, to be written at commit.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="snapshot">The new record; its tenant must be the unit's.</param>
    /// <param name="transitions">The transitions to append to the tenant's history, in order.</param>
    /// <param name="overrideRecord">The override to append to the audit history, or null.</param>
    /// <param name="cancellationToken">Cancels before anything is staged.</param>
    /// <returns>A task that completes when the change is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, DunningSnapshot snapshot, IReadOnlyList<DunningTransition> transitions, DunningOverrideRecord? overrideRecord, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's committed record.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when the tenant is not enrolled.</returns>
    ValueTask<DunningSnapshot?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Lists the tenants with something due (<see cref="DunningSnapshot.NextDueAt"/>) at or before an instant.</summary>
    /// <param name="asOf">The instant.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The tenants, earliest due first.</returns>
    ValueTask<IReadOnlyList<TenantId>> FindDueAsync(Instant asOf, CancellationToken cancellationToken = default);

    /// <summary>Lists the records of tenants in the lifecycle: an open past-due balance, a lifecycle state
    /// (past due to unpaid) or a forced state.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The records, ordered by tenant id.</returns>
    ValueTask<IReadOnlyList<DunningSnapshot>> ListInLifecycleAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's committed transition history, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transitions; empty for an unknown tenant.</returns>
    ValueTask<IReadOnlyList<DunningTransition>> GetTransitionsAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's committed override audit history, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overrides; empty for an unknown tenant.</returns>
    ValueTask<IReadOnlyList<DunningOverrideRecord>> GetOverridesAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
