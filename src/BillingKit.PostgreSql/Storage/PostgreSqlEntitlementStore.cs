using System.Runtime.CompilerServices;
using BillingKit.Entitlements;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Entitlement configurations in PostgreSQL: one row per tenant (plan, access level, and the overrides and grace
/// allowances in a JSONB document). The entitlement service publishes a saved configuration to its gate through the
/// unit's <see cref="ITenantUnitOfWork.OnCommitted"/>, so after the COMMIT, never on a rollback.
/// </summary>
internal sealed class PostgreSqlEntitlementStore(PostgreSqlDatabase database) : IEntitlementStore
{
    public async ValueTask<TenantEntitlements?> GetAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.entitlement_configs WHERE tenant_id = @tenant",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<TenantEntitlements>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<TenantEntitlements?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            "SELECT document FROM {schema}.entitlement_configs WHERE tenant_id = @tenant",
            c => c.WithText("tenant", unit.Tenant.Value),
            r => r.Document<TenantEntitlements>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, TenantEntitlements config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        cancellationToken.ThrowIfCancellationRequested();
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (config.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The configuration is for tenant '{config.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(config));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.entitlement_configs (tenant_id, plan_id, access_level, document) VALUES (@tenant, @plan, @access, @document)
            ON CONFLICT (tenant_id) DO UPDATE SET plan_id = excluded.plan_id, access_level = excluded.access_level, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("plan", config.Plan.Value)
                .WithText("access", config.AccessLevel.ToString())
                .WithJson("document", DocumentSerializer.Serialize(config)),
            cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<TenantEntitlements> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new Npgsql.NpgsqlCommand(database.Sql("SELECT document FROM {schema}.entitlement_configs ORDER BY tenant_id"), connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return reader.Document<TenantEntitlements>(0);
                    }
                }
            }
        }
    }
}
