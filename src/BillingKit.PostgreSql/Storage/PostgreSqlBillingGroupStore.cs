using BillingKit.Invoicing;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Billing groups in PostgreSQL, with a member table indexed by customer for the by-member lookup.</summary>
internal sealed class PostgreSqlBillingGroupStore(PostgreSqlDatabase database) : IBillingGroupStore
{
    public async ValueTask<BillingGroup?> FindAsync(ITenantUnitOfWork unit, BillingGroupId id, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.billing_groups WHERE tenant_id = @tenant AND billing_group_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id.Value),
            r => r.Document<BillingGroup>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<BillingGroup?> FindByMemberAsync(ITenantUnitOfWork unit, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            """
            SELECT g.document FROM {schema}.billing_groups g
            JOIN {schema}.billing_group_members m ON m.tenant_id = g.tenant_id AND m.billing_group_id = g.billing_group_id
            WHERE g.tenant_id = @tenant AND m.customer_id = @customer
            ORDER BY g.billing_group_id COLLATE "C" LIMIT 1
            """,
            c => c.WithText("tenant", unit.Tenant.Value).WithText("customer", customerId.Value),
            r => r.Document<BillingGroup>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, BillingGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var pg = PostgreSqlUnitOfWork.From(unit);
        var batch = new NpgsqlBatch(pg.Connection, pg.Transaction);
        await using (batch.ConfigureAwait(false))
        {
            Add(batch, "DELETE FROM {schema}.billing_group_members WHERE tenant_id = @tenant AND billing_group_id = @id", unit.Tenant).WithText("id", group.Id.Value);
            Add(batch, """
                INSERT INTO {schema}.billing_groups (tenant_id, billing_group_id, name, document) VALUES (@tenant, @id, @name, @document)
                ON CONFLICT (tenant_id, billing_group_id) DO UPDATE SET name = excluded.name, document = excluded.document
                """, unit.Tenant)
                .WithText("id", group.Id.Value)
                .WithText("name", group.Name)
                .WithJson("document", DocumentSerializer.Serialize(group));
            foreach (var member in group.Members)
            {
                Add(batch, "INSERT INTO {schema}.billing_group_members (tenant_id, billing_group_id, customer_id) VALUES (@tenant, @id, @customer)", unit.Tenant)
                    .WithText("id", group.Id.Value)
                    .WithText("customer", member.CustomerId.Value);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<BillingGroup?> GetAsync(TenantId tenant, BillingGroupId id, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.billing_groups WHERE tenant_id = @tenant AND billing_group_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", id.Value),
            r => r.Document<BillingGroup>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<BillingGroup>> ListAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.billing_groups WHERE tenant_id = @tenant ORDER BY name COLLATE \"C\", billing_group_id COLLATE \"C\"",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<BillingGroup>(0),
            cancellationToken).ConfigureAwait(false);

    private NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, TenantId tenant)
    {
        var command = new NpgsqlBatchCommand(database.Sql(sql)).WithText("tenant", tenant.Value);
        batch.BatchCommands.Add(command);
        return command;
    }
}
