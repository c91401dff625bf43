using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>The desk's disputes in PostgreSQL, listed in the order they were first saved.</summary>
internal sealed class PostgreSqlDisputeStore(PostgreSqlDatabase database) : IDisputeStore
{
    public async ValueTask SaveAsync(ITenantUnitOfWork unit, DeskDispute dispute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(dispute);
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (dispute.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The dispute is for tenant '{dispute.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(dispute));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.desk_disputes (tenant_id, dispute_id, status, amount_minor, currency, document) VALUES (@tenant, @id, @status, @amount, @currency, @document)
            ON CONFLICT (tenant_id, dispute_id) DO UPDATE SET status = excluded.status, amount_minor = excluded.amount_minor, currency = excluded.currency, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", dispute.Id)
                .WithText("status", dispute.Status.ToString())
                .WithBigint("amount", dispute.Amount.MinorUnits)
                .WithText("currency", dispute.Amount.Currency.Code)
                .WithJson("document", DocumentSerializer.Serialize(dispute)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DeskDispute?> FindAsync(ITenantUnitOfWork unit, string disputeId, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.desk_disputes WHERE tenant_id = @tenant AND dispute_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", disputeId),
            r => r.Document<DeskDispute>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<DeskDispute>> ListAsync(TenantId? tenant, DeskDisputeStatus? status, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.desk_disputes WHERE (@tenant::text IS NULL OR tenant_id = @tenant) AND (@status::text IS NULL OR status = @status) ORDER BY seq",
            c => c.WithText("tenant", tenant?.Value).WithText("status", status?.ToString()),
            r => r.Document<DeskDispute>(0),
            cancellationToken).ConfigureAwait(false);
}
