using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Tenant accounts in PostgreSQL. Listing and search are the desk's cross-tenant directory: they read every account and
/// apply <see cref="TenantAccount.Matches(string)"/> and the in-memory store's order (name ignoring case, then id), so
/// both stores find the same accounts.
/// </summary>
internal sealed class PostgreSqlTenantAccountStore(PostgreSqlDatabase database) : ITenantAccountStore
{
    public async ValueTask<TenantAccount?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.tenant_accounts WHERE tenant_id = @tenant",
            c => c.WithText("tenant", unit.Tenant.Value),
            r => r.Document<TenantAccount>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, TenantAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (account.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The account is for tenant '{account.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(account));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.tenant_accounts (tenant_id, name, document) VALUES (@tenant, @name, @document)
            ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value).WithText("name", account.Name).WithJson("document", DocumentSerializer.Serialize(account)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<TenantAccount?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.tenant_accounts WHERE tenant_id = @tenant",
            c => c.WithText("tenant", tenant.Value),
            r => r.Document<TenantAccount>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<TenantAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        await SelectAsync(_ => true, int.MaxValue, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<TenantAccount>> SearchAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return await SelectAsync(a => a.Matches(text), limit, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IReadOnlyList<TenantAccount>> SelectAsync(Func<TenantAccount, bool> predicate, int limit, CancellationToken cancellationToken)
    {
        var all = await database.ReadAsync("SELECT document FROM {schema}.tenant_accounts", _ => { }, r => r.Document<TenantAccount>(0), cancellationToken).ConfigureAwait(false);
        return [.. all.Where(predicate).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Tenant.Value, StringComparer.Ordinal).Take(limit)];
    }
}
