using System.Globalization;
using System.Text;
using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using NodaTime;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// The desk's audit log in PostgreSQL: append-only rows written in the unit of the action they record (so an action
/// and its audit record commit or roll back together), read newest first with keyset paging.
/// </summary>
internal sealed class PostgreSqlAuditLog(PostgreSqlDatabase database) : IAuditLog
{
    private const string TokenPrefix = "pg:";

    public async ValueTask AppendAsync(ITenantUnitOfWork unit, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pg = PostgreSqlUnitOfWork.From(unit);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The audit record is for tenant '{record.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(record));
        }

        var exists = await pg.ReadAsync(
            "SELECT EXISTS (SELECT 1 FROM {schema}.audit_records WHERE record_id = @id)",
            c => c.WithText("id", record.Id),
            r => r.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);
        if (exists[0])
        {
            throw new ArgumentException($"An audit record with id '{record.Id}' already exists; ids are unique.", nameof(record));
        }

        var (ticks, subTick) = Split(record.At);
        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.audit_records (record_id, tenant_id, actor_id, action, at_ticks, at_sub_tick, amount_minor, currency, document)
            VALUES (@id, @tenant, @actor, @action, @ticks, @sub_tick, @amount, @currency, @document)
            """,
            c => c.WithText("id", record.Id)
                .WithText("tenant", record.Tenant.Value)
                .WithText("actor", record.ActorId)
                .WithText("action", record.Action)
                .WithBigint("ticks", ticks)
                .With("sub_tick", subTick)
                .WithBigint("amount", record.Amount?.MinorUnits)
                .WithText("currency", record.Amount?.Currency.Code)
                .WithJson("document", DocumentSerializer.Serialize(record)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var filter = Filter(query);
        void Bind(NpgsqlCommand c) => BindFilter(c, query);

        var keyset = string.Empty;
        long? after = null;
        if (query.PageToken is not null)
        {
            after = ReadToken(query.PageToken);
            var found = await database.ReadAsync(
                $"SELECT 1 FROM {{schema}}.audit_records WHERE seq = @after AND {filter}",
                c =>
                {
                    Bind(c);
                    c.WithBigint("after", after);
                },
                r => r.GetInt32(0),
                cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                throw new ArgumentException("The page token names no record of this query; pass the NextPageToken of the previous page of the same query.", nameof(query));
            }

            keyset = " AND (at_ticks, at_sub_tick, seq) < (SELECT at_ticks, at_sub_tick, seq FROM {schema}.audit_records WHERE seq = @after)";
        }

        var rows = await database.ReadAsync(
            $"SELECT seq, document FROM {{schema}}.audit_records WHERE {filter}{keyset} ORDER BY at_ticks DESC, at_sub_tick DESC, seq DESC LIMIT @take",
            c =>
            {
                Bind(c);
                c.WithBigint("after", after).WithBigint("take", query.PageSize + 1L);
            },
            r => (Sequence: r.GetInt64(0), Record: r.Document<AuditRecord>(1)),
            cancellationToken).ConfigureAwait(false);
        var page = rows.Take(query.PageSize).ToArray();
        var next = rows.Count > query.PageSize ? TokenPrefix + page[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return new AuditPage([.. page.Select(p => p.Record)], next);
    }

    private static string Filter(AuditQuery query)
    {
        var where = new StringBuilder("TRUE");
        if (query.Tenant is not null)
        {
            where.Append(" AND tenant_id = @tenant");
        }

        if (query.ActorId is not null)
        {
            where.Append(" AND actor_id = @actor");
        }

        if (query.Action is not null)
        {
            where.Append(" AND action = @action");
        }

        // Exact bounds on (ticks, remainder): From inclusive, Until exclusive, as AuditQuery.Matches.
        if (query.From is not null)
        {
            where.Append(" AND (at_ticks, at_sub_tick) >= (@from_ticks, @from_sub)");
        }

        if (query.Until is not null)
        {
            where.Append(" AND (at_ticks, at_sub_tick) < (@until_ticks, @until_sub)");
        }

        return where.ToString();
    }

    private static void BindFilter(NpgsqlCommand c, AuditQuery query)
    {
        var (fromTicks, fromSub) = query.From is { } from ? Split(from) : (0L, 0);
        var (untilTicks, untilSub) = query.Until is { } until ? Split(until) : (0L, 0);
        c.WithText("tenant", query.Tenant?.Value)
            .WithText("actor", query.ActorId)
            .WithText("action", query.Action)
            .WithBigint("from_ticks", fromTicks)
            .With("from_sub", fromSub)
            .WithBigint("until_ticks", untilTicks)
            .With("until_sub", untilSub);
    }

    private static (long Ticks, int SubTick) Split(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return (ticks, checked((int)(instant - Instant.FromUnixTimeTicks(ticks)).SubsecondNanoseconds));
    }

    private static long ReadToken(string token) =>
        token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && long.TryParse(token.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new ArgumentException($"'{token}' is not a page token of this audit log; pass the NextPageToken of the previous page.", nameof(token));
}
