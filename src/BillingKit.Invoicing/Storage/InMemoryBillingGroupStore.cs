using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>The embedded <see cref="IBillingGroupStore"/>. Thread-safe.</summary>
internal sealed class InMemoryBillingGroupStore : IBillingGroupStore
{
    private readonly TenantTable<BillingGroupId, BillingGroup> _groups = new();

    public ValueTask<BillingGroup?> FindAsync(ITenantUnitOfWork unit, BillingGroupId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_groups.Find(unit, id));

    public ValueTask<BillingGroup?> FindByMemberAsync(ITenantUnitOfWork unit, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ValueTask.FromResult(_groups.All(unit.Tenant, unit).FirstOrDefault(g => g.Contains(customerId)));
    }

    public ValueTask SaveAsync(ITenantUnitOfWork unit, BillingGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        _groups.Stage(unit, group.Id, group);
        return ValueTask.CompletedTask;
    }

    public ValueTask<BillingGroup?> GetAsync(TenantId tenant, BillingGroupId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_groups.Get(tenant, id));

    public ValueTask<IReadOnlyList<BillingGroup>> ListAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<BillingGroup>>(_groups.All(tenant).OrderBy(g => g.Name, StringComparer.Ordinal).ToArray());
}
