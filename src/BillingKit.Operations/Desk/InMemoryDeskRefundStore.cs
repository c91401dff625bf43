using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>The embedded, thread-safe <see cref="IDeskRefundStore"/>: writes are staged in the unit of work and applied when it commits.</summary>
public sealed class InMemoryDeskRefundStore : IDeskRefundStore
{
    private readonly TenantTable<DeskRefund> _table = new();

    /// <inheritdoc/>
    public ValueTask SaveAsync(ITenantUnitOfWork unit, DeskRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The refund is for tenant '{refund.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(refund));
        }

        _table.Stage(unit, refund.Id, refund);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<DeskRefund?> FindAsync(ITenantUnitOfWork unit, string refundId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Find(unit, refundId));

    /// <inheritdoc/>
    public ValueTask<DeskRefund?> FindByProviderRefundIdAsync(ITenantUnitOfWork unit, string providerRefundId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerRefundId);
        var found = _table.Where(unit, r => string.Equals(r.ProviderRefundId, providerRefundId, StringComparison.Ordinal));
        return ValueTask.FromResult(found.Count == 0 ? null : found[0]);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<DeskRefund>> ListForPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DeskRefund> list = [.. _table.Where(unit, r => r.Payment == payment).OrderBy(r => r.RequestedAt)];
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<DeskRefund>> ListAsync(TenantId? tenant, DeskRefundStatus status, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.WhereCommitted(tenant, r => r.Status == status));
}
