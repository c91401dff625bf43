using System.Text;
using BillingKit.Ledger;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Translates a <see cref="PaymentQuery"/> into SQL with the same filters and orders as the in-memory store:
/// text compared ordinally (<c>COLLATE "C"</c>), ties broken by payment id, payments without a payment date last.
/// </summary>
internal static class PaymentQuerySql
{
    private static readonly string[] StatusOrder = [.. Enum.GetValues<PaymentStatus>().Select(s => s.ToString())];

    public static (string Sql, Action<NpgsqlCommand> Bind) Build(TenantId tenant, PaymentQuery query)
    {
        var where = Where(query);
        var direction = query.Descending ? "DESC" : "ASC";
        var order = query.SortBy switch
        {
            PaymentSort.Amount => $"currency COLLATE \"C\" {direction}, amount_minor {direction}",
            PaymentSort.Customer => $"customer_id COLLATE \"C\" {direction}",
            PaymentSort.Status => $"array_position(@status_order, status) {direction}",
            PaymentSort.PaymentDate => $"(payment_date IS NULL) ASC, payment_date {direction}",
            _ => $"due_date {direction}",
        };
        var sql = $"SELECT document, COUNT(*) OVER () FROM {{schema}}.ledger_payments WHERE {where} ORDER BY {order}, payment_id COLLATE \"C\" ASC OFFSET @skip LIMIT @take";
        return (sql, command =>
        {
            Bind(command, tenant, query);
            command.With("status_order", StatusOrder)
                .WithBigint("skip", ((long)query.PageNumber - 1) * query.PageSize)
                .WithBigint("take", query.PageSize);
        });
    }

    public static string BuildCount(TenantId tenant, PaymentQuery query, out Action<NpgsqlCommand> bind)
    {
        bind = command => Bind(command, tenant, query);
        return $"SELECT COUNT(*) FROM {{schema}}.ledger_payments WHERE {Where(query)}";
    }

    private static string Where(PaymentQuery query)
    {
        var where = new StringBuilder("tenant_id = @tenant");
        if (query.Statuses is { Count: > 0 })
        {
            where.Append(" AND status = ANY(@statuses)");
        }

        if (query.Customer is not null)
        {
            where.Append(" AND customer_id = @customer");
        }

        if (query.BillingGroup is not null)
        {
            where.Append(" AND billing_group_id = @group");
        }

        if (query.DueFrom is not null)
        {
            where.Append(" AND due_date >= @due_from");
        }

        if (query.DueTo is not null)
        {
            where.Append(" AND due_date <= @due_to");
        }

        if (query.PaidFrom is not null || query.PaidTo is not null)
        {
            where.Append(" AND payment_date IS NOT NULL");
            if (query.PaidFrom is not null)
            {
                where.Append(" AND payment_date >= @paid_from");
            }

            if (query.PaidTo is not null)
            {
                where.Append(" AND payment_date <= @paid_to");
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Append("""
                 AND (strpos(lower(customer_id), @search) > 0 OR strpos(lower(subscription_id), @search) > 0
                      OR strpos(lower(invoice_number), @search) > 0 OR strpos(lower(reference), @search) > 0
                      OR strpos(lower(provider_reference), @search) > 0 OR strpos(lower(payment_id), @search) > 0)
                """);
        }

        return where.ToString();
    }

    private static void Bind(NpgsqlCommand command, TenantId tenant, PaymentQuery query)
    {
        command.WithText("tenant", tenant.Value);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            command.With("statuses", statuses.Select(s => s.ToString()).ToArray());
        }

        command.WithText("customer", query.Customer?.Value)
            .WithText("group", query.BillingGroup?.Value)
            .WithDate("due_from", query.DueFrom)
            .WithDate("due_to", query.DueTo)
            .WithDate("paid_from", query.PaidFrom)
            .WithDate("paid_to", query.PaidTo)
            .WithText("search", query.Search?.Trim().ToLowerInvariant());
    }
}
