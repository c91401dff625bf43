using BillingKit.Dunning;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Dunning in PostgreSQL: one snapshot row per tenant (its next-due instant indexed for the processor's due query),
/// and the append-only transition and override history.
/// </summary>
internal sealed class PostgreSqlDunningStore(PostgreSqlDatabase database) : IDunningStore
{
    public async ValueTask<DunningSnapshot?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT document FROM {schema}.dunning_snapshots WHERE tenant_id = @tenant",
            c => c.WithText("tenant", unit.Tenant.Value),
            r => r.Document<DunningSnapshot>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, DunningSnapshot snapshot, IReadOnlyList<DunningTransition> transitions, DunningOverrideRecord? overrideRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(transitions);
        cancellationToken.ThrowIfCancellationRequested();
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (snapshot.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The snapshot is tenant '{snapshot.Tenant}' but the unit of work is tenant '{unit.Tenant}'; save each tenant in its own unit.", nameof(snapshot));
        }

        var batch = new Npgsql.NpgsqlBatch(pg.Connection, pg.Transaction);
        await using (batch.ConfigureAwait(false))
        {
            var upsert = new Npgsql.NpgsqlBatchCommand(database.Sql("""
                INSERT INTO {schema}.dunning_snapshots (tenant_id, state, next_due_at_ticks, in_lifecycle, updated_at_ticks, document)
                VALUES (@tenant, @state, @next_due, @in_lifecycle, @updated, @document)
                ON CONFLICT (tenant_id) DO UPDATE SET state = excluded.state, next_due_at_ticks = excluded.next_due_at_ticks,
                    in_lifecycle = excluded.in_lifecycle, updated_at_ticks = excluded.updated_at_ticks, document = excluded.document
                """))
                .WithText("tenant", unit.Tenant.Value)
                .WithText("state", snapshot.State.ToString())
                .WithBigint("next_due", FloorTicks(snapshot.NextDueAt))
                .With("in_lifecycle", InLifecycle(snapshot))
                .WithBigint("updated", Db.Ticks(snapshot.UpdatedAt))
                .WithJson("document", DocumentSerializer.Serialize(snapshot));
            batch.BatchCommands.Add(upsert);
            foreach (var transition in transitions)
            {
                batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(database.Sql("INSERT INTO {schema}.dunning_transitions (tenant_id, document) VALUES (@tenant, @document)"))
                    .WithText("tenant", unit.Tenant.Value)
                    .WithJson("document", DocumentSerializer.Serialize(transition)));
            }

            if (overrideRecord is not null)
            {
                batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(database.Sql("INSERT INTO {schema}.dunning_overrides (tenant_id, document) VALUES (@tenant, @document)"))
                    .WithText("tenant", unit.Tenant.Value)
                    .WithJson("document", DocumentSerializer.Serialize(overrideRecord)));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<DunningSnapshot?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.dunning_snapshots WHERE tenant_id = @tenant",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<DunningSnapshot>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<TenantId>> FindDueAsync(Instant asOf, CancellationToken cancellationToken = default)
    {
        // The indexed column holds the instant floored to 100 ns ticks; the exact comparison is made on the document.
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.dunning_snapshots WHERE next_due_at_ticks IS NOT NULL AND next_due_at_ticks <= @as_of",
            c => c.WithBigint("as_of", FloorTicks(asOf)),
            r => r.Document<DunningSnapshot>(0),
            cancellationToken).ConfigureAwait(false);
        return [.. rows
            .Where(s => s.NextDueAt is { } at && at <= asOf)
            .OrderBy(s => s.NextDueAt)
            .ThenBy(s => s.Tenant.Value, StringComparer.Ordinal)
            .Select(s => s.Tenant)];
    }

    public async ValueTask<IReadOnlyList<DunningSnapshot>> ListInLifecycleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.dunning_snapshots WHERE in_lifecycle",
            _ => { },
            r => r.Document<DunningSnapshot>(0),
            cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(s => s.Tenant.Value, StringComparer.Ordinal)];
    }

    public async ValueTask<IReadOnlyList<DunningTransition>> GetTransitionsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.dunning_transitions WHERE tenant_id = @tenant ORDER BY seq",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<DunningTransition>(0),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<DunningOverrideRecord>> GetOverridesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.dunning_overrides WHERE tenant_id = @tenant ORDER BY seq",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<DunningOverrideRecord>(0),
            cancellationToken).ConfigureAwait(false);

    /// <summary>The same rule as the in-memory store: in a dunning lifecycle and not canceled.</summary>
    private static bool InLifecycle(DunningSnapshot s) =>
        s.State != DunningState.Canceled
        && (s.PastDueSince is not null || s.Forced is not null || s.State is DunningState.PastDue or DunningState.Degraded or DunningState.Restricted or DunningState.Suspended or DunningState.Unpaid);

    /// <summary>Unix ticks, truncated towards the start of time, so that at &lt;= asOf implies ticks(at) &lt;= ticks(asOf).</summary>
    private static long? FloorTicks(Instant? instant) => instant?.ToUnixTimeTicks();
}
