using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>Stores billing groups.</summary>
/// <remarks>Writes take the unit they belong to; reads through a unit see its own writes. Implementations are thread-safe.</remarks>
public interface IBillingGroupStore
{
    /// <summary>Finds a group within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    ValueTask<BillingGroup?> FindAsync(ITenantUnitOfWork unit, BillingGroupId id, CancellationToken cancellationToken = default);

    /// <summary>Finds the group a customer belongs to, within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/> when the customer is in none.</returns>
    ValueTask<BillingGroup?> FindByMemberAsync(ITenantUnitOfWork unit, CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a group.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="group">The group.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, BillingGroup group, CancellationToken cancellationToken = default);

    /// <summary>Gets a committed group.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The group.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    ValueTask<BillingGroup?> GetAsync(TenantId tenant, BillingGroupId id, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's committed groups, by name.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups.</returns>
    ValueTask<IReadOnlyList<BillingGroup>> ListAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
