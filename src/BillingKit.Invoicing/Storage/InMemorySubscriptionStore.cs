using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>The embedded <see cref="ISubscriptionStore"/>. Thread-safe.</summary>
internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly TenantTable<SubscriptionId, Entry> _rows = new();

    public ValueTask<Subscription?> FindAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_rows.Find(unit, id)?.Subscription);

    public ValueTask<IReadOnlyList<ScheduledPayment>> FindScheduleAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_rows.Find(unit, id)?.Schedule ?? []);

    public ValueTask SaveAsync(ITenantUnitOfWork unit, Subscription subscription, IReadOnlyList<ScheduledPayment> schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(schedule);
        _rows.Stage(unit, subscription.Id, new Entry(subscription, schedule.ToArray()));
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<Subscription>> ListForCustomersAsync(ITenantUnitOfWork unit, IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(customers);
        var wanted = customers as IReadOnlySet<CustomerId> ?? customers.ToHashSet();
        return ValueTask.FromResult<IReadOnlyList<Subscription>>(
            _rows.All(unit.Tenant, unit).Select(e => e.Subscription).Where(s => wanted.Contains(s.CustomerId)).ToArray());
    }

    public ValueTask<Subscription?> GetAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_rows.Get(tenant, id)?.Subscription);

    public ValueTask<IReadOnlyList<ScheduledPayment>> GetScheduleAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_rows.Get(tenant, id)?.Schedule ?? []);

    private sealed record Entry(Subscription Subscription, IReadOnlyList<ScheduledPayment> Schedule);
}
