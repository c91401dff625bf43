using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>Stores purchase orders.</summary>
/// <remarks>Writes take the unit they belong to; reads through a unit see its own writes. Implementations are thread-safe.</remarks>
public interface IPurchaseOrderStore
{
    /// <summary>Finds an order within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    ValueTask<PurchaseOrder?> FindAsync(ITenantUnitOfWork unit, PurchaseOrderId id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an order.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, PurchaseOrder order, CancellationToken cancellationToken = default);

    /// <summary>Lists orders within a unit, optionally only those in one status, oldest submission first.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="status">The status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders.</returns>
    ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(ITenantUnitOfWork unit, PurchaseOrderStatus? status, CancellationToken cancellationToken = default);

    /// <summary>Gets a committed order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    ValueTask<PurchaseOrder?> GetAsync(TenantId tenant, PurchaseOrderId id, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's committed orders, optionally only those in one status, oldest submission first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="status">The status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders.</returns>
    ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(TenantId tenant, PurchaseOrderStatus? status, CancellationToken cancellationToken = default);
}
