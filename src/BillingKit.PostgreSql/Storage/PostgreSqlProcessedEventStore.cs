using BillingKit.Operations;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Provider event ids already handled, unique per tenant, provider, account and event id, written in the unit that
/// applies the event: a redelivered event finds its id only if the first delivery committed.
/// </summary>
internal sealed class PostgreSqlProcessedEventStore : IProcessedEventStore
{
    public async ValueTask<bool> IsProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT EXISTS (SELECT 1 FROM {schema}.processed_provider_events WHERE tenant_id = @tenant AND provider = @provider AND account = @account AND event_id = @event)",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("provider", provider.Value).WithText("account", account).WithText("event", eventId),
            r => r.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    public async ValueTask MarkProcessedAsync(ITenantUnitOfWork unit, ProviderName provider, string account, string eventId, Instant handledAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await PostgreSqlUnitOfWork.From(unit).ExecuteAsync(
            """
            INSERT INTO {schema}.processed_provider_events (tenant_id, provider, account, event_id, handled_at_ticks) VALUES (@tenant, @provider, @account, @event, @at)
            ON CONFLICT (tenant_id, provider, account, event_id) DO UPDATE SET handled_at_ticks = excluded.handled_at_ticks
            """,
            c => c.WithText("tenant", unit.Tenant.Value).WithText("provider", provider.Value).WithText("account", account).WithText("event", eventId).WithBigint("at", Db.Ticks(handledAt)),
            cancellationToken).ConfigureAwait(false);
    }
}
