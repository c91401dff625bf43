using BillingKit.Operations;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>The desk's refunds in PostgreSQL, found by id, by the provider's refund id, by payment or by status.</summary>
internal sealed class PostgreSqlDeskRefundStore(PostgreSqlDatabase database) : IDeskRefundStore
{
    public async ValueTask SaveAsync(ITenantUnitOfWork unit, DeskRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(refund);
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (refund.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The refund is for tenant '{refund.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(refund));
        }

        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.desk_refunds (tenant_id, refund_id, payment_id, provider_refund_id, status, amount_minor, currency, requested_at_ticks, document)
            VALUES (@tenant, @id, @payment, @provider_refund, @status, @amount, @currency, @requested, @document)
            ON CONFLICT (tenant_id, refund_id) DO UPDATE SET payment_id = excluded.payment_id, provider_refund_id = excluded.provider_refund_id, status = excluded.status,
                amount_minor = excluded.amount_minor, currency = excluded.currency, requested_at_ticks = excluded.requested_at_ticks, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", refund.Id)
                .WithText("payment", refund.Payment.Value)
                .WithText("provider_refund", refund.ProviderRefundId)
                .WithText("status", refund.Status.ToString())
                .WithBigint("amount", refund.Amount.MinorUnits)
                .WithText("currency", refund.Amount.Currency.Code)
                .WithBigint("requested", Db.Ticks(refund.RequestedAt))
                .WithJson("document", DocumentSerializer.Serialize(refund)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DeskRefund?> FindAsync(ITenantUnitOfWork unit, string refundId, CancellationToken cancellationToken = default)
    {
        var rows = await InUnitAsync(unit, "refund_id = @value", refundId, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<DeskRefund?> FindByProviderRefundIdAsync(ITenantUnitOfWork unit, string providerRefundId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerRefundId);
        var rows = await InUnitAsync(unit, "provider_refund_id = @value", providerRefundId, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<DeskRefund>> ListForPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default) =>
        [.. (await InUnitAsync(unit, "payment_id = @value", payment.Value, cancellationToken).ConfigureAwait(false)).OrderBy(r => r.RequestedAt)];

    public async ValueTask<IReadOnlyList<DeskRefund>> ListAsync(TenantId? tenant, DeskRefundStatus status, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(
            "SELECT document FROM {schema}.desk_refunds WHERE (@tenant::text IS NULL OR tenant_id = @tenant) AND status = @status ORDER BY seq",
            c => c.WithText("tenant", tenant?.Value).WithText("status", status.ToString()),
            r => r.Document<DeskRefund>(0),
            cancellationToken).ConfigureAwait(false);

    private static async ValueTask<List<DeskRefund>> InUnitAsync(ITenantUnitOfWork unit, string condition, string value, CancellationToken cancellationToken) =>
        await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.desk_refunds WHERE tenant_id = @tenant AND " + condition + " ORDER BY seq",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("value", value),
            r => r.Document<DeskRefund>(0),
            cancellationToken).ConfigureAwait(false);
}
