using BillingKit.Operations;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Pay-link revocations in PostgreSQL; the first revocation of a link wins, later ones change nothing.</summary>
internal sealed class PostgreSqlPayLinkRevocationStore(PostgreSqlDatabase database) : IPayLinkRevocationStore
{
    public async ValueTask RevokeAsync(ITenantUnitOfWork unit, string linkId, Instant revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        await PostgreSqlUnitOfWork.From(unit).ExecuteAsync(
            "INSERT INTO {schema}.pay_link_revocations (tenant_id, link_id, revoked_at_ticks) VALUES (@tenant, @link, @at) ON CONFLICT (tenant_id, link_id) DO NOTHING",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("link", linkId).WithBigint("at", Db.Ticks(revokedAt)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> IsRevokedAsync(TenantId tenant, string linkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        var rows = await database.ReadAsync(
            "SELECT EXISTS (SELECT 1 FROM {schema}.pay_link_revocations WHERE tenant_id = @tenant AND link_id = @link)",
            c => c.WithText("tenant", tenant.Value).WithText("link", linkId),
            r => r.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }
}
