using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>The embedded <see cref="IPurchaseOrderStore"/>. Thread-safe.</summary>
internal sealed class InMemoryPurchaseOrderStore : IPurchaseOrderStore
{
    private readonly TenantTable<PurchaseOrderId, PurchaseOrder> _orders = new();

    public ValueTask<PurchaseOrder?> FindAsync(ITenantUnitOfWork unit, PurchaseOrderId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_orders.Find(unit, id));

    public ValueTask SaveAsync(ITenantUnitOfWork unit, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        _orders.Stage(unit, order.Id, order);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(ITenantUnitOfWork unit, PurchaseOrderStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ValueTask.FromResult<IReadOnlyList<PurchaseOrder>>(Filter(_orders.All(unit.Tenant, unit), status));
    }

    public ValueTask<PurchaseOrder?> GetAsync(TenantId tenant, PurchaseOrderId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_orders.Get(tenant, id));

    public ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(TenantId tenant, PurchaseOrderStatus? status, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<PurchaseOrder>>(Filter(_orders.All(tenant), status));

    private static PurchaseOrder[] Filter(IEnumerable<PurchaseOrder> orders, PurchaseOrderStatus? status) =>
        orders.Where(o => status is null || o.Status == status)
            .OrderBy(o => o.SubmittedAt)
            .ThenBy(o => o.Id.Value, StringComparer.Ordinal)
            .ToArray();
}
