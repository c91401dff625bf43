using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>Stores subscriptions with their payment schedules.</summary>
/// <remarks>Writes take the unit they belong to; reads through a unit see its own writes. Implementations are thread-safe.</remarks>
public interface ISubscriptionStore
{
    /// <summary>Finds a subscription within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or <see langword="null"/>.</returns>
    ValueTask<Subscription?> FindAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a subscription's payment schedule within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedule in order, or an empty list for an unknown subscription.</returns>
    ValueTask<IReadOnlyList<ScheduledPayment>> FindScheduleAsync(ITenantUnitOfWork unit, SubscriptionId id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a subscription and its schedule.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="schedule">Its payment schedule.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, Subscription subscription, IReadOnlyList<ScheduledPayment> schedule, CancellationToken cancellationToken = default);

    /// <summary>Lists the subscriptions of some customers within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Their subscriptions, in any order.</returns>
    ValueTask<IReadOnlyList<Subscription>> ListForCustomersAsync(ITenantUnitOfWork unit, IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default);

    /// <summary>Gets a committed subscription.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or <see langword="null"/>.</returns>
    ValueTask<Subscription?> GetAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default);

    /// <summary>Gets a committed subscription's payment schedule.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedule in order, or an empty list for an unknown subscription.</returns>
    ValueTask<IReadOnlyList<ScheduledPayment>> GetScheduleAsync(TenantId tenant, SubscriptionId id, CancellationToken cancellationToken = default);
}
