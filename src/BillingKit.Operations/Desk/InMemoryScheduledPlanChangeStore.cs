using BillingKit.Invoicing;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The embedded, thread-safe <see cref="IScheduledPlanChangeStore"/>: writes are staged in the unit of work and applied when it commits.</summary>
public sealed class InMemoryScheduledPlanChangeStore : IScheduledPlanChangeStore
{
    private readonly TenantTable<ScheduledPlanChange> _table = new();

    /// <inheritdoc/>
    public ValueTask SaveAsync(ITenantUnitOfWork unit, ScheduledPlanChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The scheduled plan change is for tenant '{change.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(change));
        }

        _table.Stage(unit, change.Id, change);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<ScheduledPlanChange?> FindAsync(ITenantUnitOfWork unit, string changeId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Find(unit, changeId));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingForSubscriptionAsync(ITenantUnitOfWork unit, SubscriptionId subscription, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ScheduledPlanChange> list = [.. _table.Where(unit, c => c.IsPendingFor(subscription)).OrderBy(c => c.ScheduledAt)];
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingDueAsync(LocalDate effectiveOnOrBefore, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ScheduledPlanChange> list =
        [
            .. _table.WhereCommitted(null, c => c.Status == ScheduledPlanChangeStatus.Pending && c.EffectiveOn <= effectiveOnOrBefore)
                .OrderBy(c => c.EffectiveOn),
        ];
        return ValueTask.FromResult(list);
    }
}
