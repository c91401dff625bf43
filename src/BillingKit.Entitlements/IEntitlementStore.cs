using BillingKit.Storage;

namespace BillingKit.Entitlements;

/// <summary>
/// The configuration store port: each tenant's <see cref="TenantEntitlements"/> (plan, overrides, grace allowances,
/// access level). Writes go through an <see cref="ITenantUnitOfWork"/> so that one desk operation can change several
/// contexts atomically. The in-memory default is <see cref="InMemoryEntitlementStore"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe.</remarks>
public interface IEntitlementStore
{
    /// <summary>Gets a tenant's committed configuration.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The configuration, or <see langword="null"/> when the tenant has none.</returns>
    ValueTask<TenantEntitlements?> GetAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Gets the configuration of the unit's tenant as the unit sees it, including its own pending writes.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The configuration, or <see langword="null"/> when the tenant has none.</returns>
    ValueTask<TenantEntitlements?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default);

    /// <summary>Stages a tenant's new configuration in a unit of work.</summary>
    /// <param name="unit">The unit of work of <paramref name="config"/>'s tenant.</param>
    /// <param name="config">The whole new configuration.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the change is staged.</returns>
    /// <exception cref="ArgumentException"><paramref name="config"/> is for another tenant than the unit.</exception>
    ValueTask SaveAsync(ITenantUnitOfWork unit, TenantEntitlements config, CancellationToken cancellationToken = default);

    /// <summary>Lists every tenant's committed configuration, to load the gate at start-up.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The configurations, in no particular order.</returns>
    IAsyncEnumerable<TenantEntitlements> ListAsync(CancellationToken cancellationToken = default);
}
