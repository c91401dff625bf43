using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Storage port of the provider events already handled, keyed by provider, account and the provider's event id.
/// Checked and written inside the tenant's unit of work, so a replayed event (a webhook delivered twice, or two
/// deliveries racing) writes nothing. <see cref="InMemoryProcessedEventStore"/> is the default.
/// </summary>
public interface IProcessedEventStore
{
    /// <summary>Whether the event was handled for the unit's tenant, as the unit sees it.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The provider account.</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when it was handled before.</returns>
    ValueTask<bool> IsProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Stages the event as handled.</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="account">The provider account.</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="handledAt">When it was handled.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask MarkProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, Instant handledAt, CancellationToken cancellationToken = default);
}
