using BillingKit.Invoicing;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Purchase orders in PostgreSQL, listed oldest submitted first like the in-memory store.</summary>
internal sealed class PostgreSqlPurchaseOrderStore(PostgreSqlDatabase database) : IPurchaseOrderStore
{
    private const string ListSql = "SELECT document FROM {schema}.purchase_orders WHERE tenant_id = @tenant AND (@status::text IS NULL OR status = @status)";

    public async ValueTask<PurchaseOrder?> FindAsync(ITenantUnitOfWork unit, PurchaseOrderId id, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            "SELECT document FROM {schema}.purchase_orders WHERE tenant_id = @tenant AND purchase_order_id = @id",
            c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id.Value),
            r => r.Document<PurchaseOrder>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, PurchaseOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await PostgreSqlUnitOfWork.From(unit).ExecuteAsync(
            """
            INSERT INTO {schema}.purchase_orders (tenant_id, purchase_order_id, customer_id, order_number, status, amount_minor, drawn_minor, currency, submitted_at_ticks, document)
            VALUES (@tenant, @id, @customer, @number, @status, @amount, @drawn, @currency, @submitted, @document)
            ON CONFLICT (tenant_id, purchase_order_id) DO UPDATE SET customer_id = excluded.customer_id, order_number = excluded.order_number, status = excluded.status,
                amount_minor = excluded.amount_minor, drawn_minor = excluded.drawn_minor, currency = excluded.currency, submitted_at_ticks = excluded.submitted_at_ticks,
                document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", order.Id.Value)
                .WithText("customer", order.CustomerId.Value)
                .WithText("number", order.Number)
                .WithText("status", order.Status.ToString())
                .WithBigint("amount", order.Amount.MinorUnits)
                .WithBigint("drawn", order.Drawn.MinorUnits)
                .WithText("currency", order.Currency.Code)
                .WithBigint("submitted", Db.Ticks(order.SubmittedAt))
                .WithJson("document", DocumentSerializer.Serialize(order)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(ITenantUnitOfWork unit, PurchaseOrderStatus? status, CancellationToken cancellationToken = default) =>
        Sorted(await PostgreSqlUnitOfWork.From(unit).ReadAsync(
            ListSql,
            c => c.WithText("tenant", unit.Tenant.Value).WithText("status", status?.ToString()),
            r => r.Document<PurchaseOrder>(0),
            cancellationToken).ConfigureAwait(false));

    public async ValueTask<PurchaseOrder?> GetAsync(TenantId tenant, PurchaseOrderId id, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.purchase_orders WHERE tenant_id = @tenant AND purchase_order_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", id.Value),
            r => r.Document<PurchaseOrder>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<PurchaseOrder>> ListAsync(TenantId tenant, PurchaseOrderStatus? status, CancellationToken cancellationToken = default) =>
        Sorted(await database.ReadAsync(
            ListSql,
            c => c.WithText("tenant", tenant.Value).WithText("status", status?.ToString()),
            r => r.Document<PurchaseOrder>(0),
            cancellationToken).ConfigureAwait(false));

    private static PurchaseOrder[] Sorted(IEnumerable<PurchaseOrder> orders) =>
        [.. orders.OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id.Value, StringComparer.Ordinal)];
}
