using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The embedded, thread-safe <see cref="IProcessedEventStore"/>: writes are staged in the unit of work and applied when it commits.</summary>
public sealed class InMemoryProcessedEventStore : IProcessedEventStore
{
    private readonly TenantTable<object> _table = new();

    /// <inheritdoc/>
    public ValueTask<bool> IsProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Find(unit, Key(provider, account, eventId)) is not null);

    /// <inheritdoc/>
    public ValueTask MarkProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, Instant handledAt, CancellationToken cancellationToken = default)
    {
        _table.Stage(unit, Key(provider, account, eventId), handledAt);
        return ValueTask.CompletedTask;
    }

    private static string Key(ProviderName provider, string account, string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return provider + "\u001f" + account + "\u001f" + eventId;
    }
}
