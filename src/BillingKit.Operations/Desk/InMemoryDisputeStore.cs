using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>The embedded, thread-safe <see cref="IDisputeStore"/>: writes are staged in the unit of work and applied when it commits.</summary>
public sealed class InMemoryDisputeStore : IDisputeStore
{
    private readonly TenantTable<DeskDispute> _table = new();

    /// <inheritdoc/>
    public ValueTask SaveAsync(ITenantUnitOfWork unit, DeskDispute dispute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(dispute);
        if (dispute.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The dispute is for tenant '{dispute.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(dispute));
        }

        _table.Stage(unit, dispute.Id, dispute);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<DeskDispute?> FindAsync(ITenantUnitOfWork unit, string disputeId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Find(unit, disputeId));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<DeskDispute>> ListAsync(TenantId? tenant, DeskDisputeStatus? status, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.WhereCommitted(tenant, d => status is not { } s || d.Status == s));
}
