using BillingKit.Entitlements;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Leased quota in PostgreSQL. Each grant is one atomic <c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING</c> on the
/// row of (tenant, metric, period): the row lock orders concurrent grants from every host instance, and each grant is
/// computed from the latest total, so the sum leased never exceeds the limit passed with the request. The gate keeps
/// its lease in process and counts against it without locks; it comes back here only when the lease runs out.
/// </summary>
/// <remarks>
/// A crashed instance never returns its lease: the units it leased and did not use are lost until the period ends
/// (at most one batch per instance and metric). Nothing is ever granted twice, so a lost reply can only lose units,
/// never exceed the limit.
/// </remarks>
internal sealed class PostgreSqlQuotaLeaseStore(PostgreSqlDatabase database) : IQuotaLeaseStore
{
    public async ValueTask<long> AcquireAsync(QuotaLeaseKey key, long requested, long limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await database.ReadAsync(
            """
            INSERT INTO {schema}.quota_leases AS q (tenant_id, metric, period_start_ticks, leased, last_grant)
            VALUES (@tenant, @metric, @period, LEAST(@requested, @limit), LEAST(@requested, @limit))
            ON CONFLICT (tenant_id, metric, period_start_ticks) DO UPDATE SET
                last_grant = LEAST(@requested, GREATEST(@limit - q.leased, 0)),
                leased = q.leased + LEAST(@requested, GREATEST(@limit - q.leased, 0))
            RETURNING last_grant
            """,
            c => Bind(c, key).WithBigint("requested", requested).WithBigint("limit", limit),
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    public async ValueTask ReturnAsync(QuotaLeaseKey key, long units, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        cancellationToken.ThrowIfCancellationRequested();
        await database.ReadAsync(
            """
            UPDATE {schema}.quota_leases SET leased = GREATEST(leased - @units, 0)
            WHERE tenant_id = @tenant AND metric = @metric AND period_start_ticks = @period
            RETURNING leased
            """,
            c => Bind(c, key).WithBigint("units", units),
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<long> GetLeasedAsync(QuotaLeaseKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rows = await database.ReadAsync(
            "SELECT leased FROM {schema}.quota_leases WHERE tenant_id = @tenant AND metric = @metric AND period_start_ticks = @period",
            c => Bind(c, key),
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : rows[0];
    }

    private static Npgsql.NpgsqlCommand Bind(Npgsql.NpgsqlCommand command, QuotaLeaseKey key) =>
        command.WithText("tenant", key.Tenant.Value).WithText("metric", key.Metric).WithBigint("period", key.PeriodStart.ToUnixTimeTicks());
}
