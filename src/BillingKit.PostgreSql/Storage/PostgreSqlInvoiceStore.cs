using System.Text;
using BillingKit.Invoicing;
using BillingKit.PostgreSql.Documents;
using BillingKit.Storage;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// Invoices in PostgreSQL: the invoice row (with its number unique per tenant) and its lines, numbering sequences
/// (a row per tenant and series, incremented inside the unit, so a number is used exactly when its invoice commits:
/// gapless), invoice payments and credit notes.
/// </summary>
internal sealed class PostgreSqlInvoiceStore(PostgreSqlDatabase database) : IInvoiceStore
{
    public ValueTask<Invoice?> FindAsync(ITenantUnitOfWork unit, InvoiceId id, CancellationToken cancellationToken = default) =>
        FindOneAsync<Invoice>(unit, "SELECT document FROM {schema}.invoices WHERE tenant_id = @tenant AND invoice_id = @id", id.Value, cancellationToken);

    public async ValueTask SaveAsync(ITenantUnitOfWork unit, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var pg = PostgreSqlUnitOfWork.From(unit);
        if (unit.Tenant != invoice.Tenant)
        {
            throw new ArgumentException($"The record belongs to tenant {invoice.Tenant} but the unit of work is for tenant {unit.Tenant}.", nameof(unit));
        }

        var batch = new NpgsqlBatch(pg.Connection, pg.Transaction);
        await using (batch.ConfigureAwait(false))
        {
            Add(batch, "DELETE FROM {schema}.invoice_lines WHERE tenant_id = @tenant AND invoice_id = @id", unit.Tenant).WithText("id", invoice.Id.Value);
            Add(batch, """
                INSERT INTO {schema}.invoices (tenant_id, invoice_id, invoice_number, status, customer_id, billing_group_id, invoice_date, due_date, currency, total_minor, amount_remaining_minor, document)
                VALUES (@tenant, @id, @number, @status, @customer, @group, @invoice_date, @due_date, @currency, @total, @remaining, @document)
                ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET invoice_number = excluded.invoice_number, status = excluded.status, customer_id = excluded.customer_id,
                    billing_group_id = excluded.billing_group_id, invoice_date = excluded.invoice_date, due_date = excluded.due_date, currency = excluded.currency,
                    total_minor = excluded.total_minor, amount_remaining_minor = excluded.amount_remaining_minor, document = excluded.document
                """, unit.Tenant)
                .WithText("id", invoice.Id.Value)
                .WithText("number", invoice.Number)
                .WithText("status", invoice.Status.ToString())
                .WithText("customer", invoice.CustomerId.Value)
                .WithText("group", invoice.BillingGroupId?.Value)
                .WithDate("invoice_date", invoice.InvoiceDate)
                .WithDate("due_date", invoice.DueDate)
                .WithText("currency", invoice.Currency.Code)
                .WithBigint("total", invoice.Total.MinorUnits)
                .WithBigint("remaining", invoice.AmountRemaining.MinorUnits)
                .WithJson("document", DocumentSerializer.Serialize(invoice));
            for (var i = 0; i < invoice.Lines.Count; i++)
            {
                var line = invoice.Lines[i];
                Add(batch, """
                    INSERT INTO {schema}.invoice_lines (tenant_id, invoice_id, line_number, description, quantity, unit_price_minor, amount_minor, tax_minor, currency)
                    VALUES (@tenant, @id, @line, @description, @quantity, @unit_price, @amount, @tax, @currency)
                    """, unit.Tenant)
                    .WithText("id", invoice.Id.Value)
                    .With("line", i + 1)
                    .WithText("description", line.Description)
                    .With("quantity", line.Quantity)
                    .WithBigint("unit_price", line.UnitPrice.MinorUnits)
                    .WithBigint("amount", line.Amount.MinorUnits)
                    .WithBigint("tax", line.TaxAmount.MinorUnits)
                    .WithText("currency", line.Currency.Code);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<long> NextSequenceAsync(ITenantUnitOfWork unit, string series, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(
            """
            INSERT INTO {schema}.invoice_number_sequences AS s (tenant_id, series, last_value) VALUES (@tenant, @series, 1)
            ON CONFLICT (tenant_id, series) DO UPDATE SET last_value = s.last_value + 1
            RETURNING last_value
            """,
            c => c.WithText("tenant", unit.Tenant.Value).WithText("series", series),
            r => r.GetInt64(0),
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    public ValueTask<InvoicePayment?> FindPaymentAsync(ITenantUnitOfWork unit, PaymentId paymentId, CancellationToken cancellationToken = default) =>
        FindOneAsync<InvoicePayment>(unit, "SELECT document FROM {schema}.invoice_payments WHERE tenant_id = @tenant AND payment_id = @id", paymentId.Value, cancellationToken);

    public async ValueTask SavePaymentAsync(ITenantUnitOfWork unit, InvoicePayment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var pg = PostgreSqlUnitOfWork.From(unit);
        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.invoice_payments (tenant_id, payment_id, invoice_id, amount_minor, currency, recorded_at_ticks, document)
            VALUES (@tenant, @id, @invoice, @amount, @currency, @recorded, @document)
            ON CONFLICT (tenant_id, payment_id) DO UPDATE SET invoice_id = excluded.invoice_id, amount_minor = excluded.amount_minor,
                currency = excluded.currency, recorded_at_ticks = excluded.recorded_at_ticks, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", payment.PaymentId.Value)
                .WithText("invoice", payment.InvoiceId.Value)
                .WithBigint("amount", payment.Amount.MinorUnits)
                .WithText("currency", payment.Amount.Currency.Code)
                .WithBigint("recorded", Db.Ticks(payment.RecordedAt))
                .WithJson("document", DocumentSerializer.Serialize(payment)),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<CreditNote?> FindCreditNoteAsync(ITenantUnitOfWork unit, CreditNoteId id, CancellationToken cancellationToken = default) =>
        FindOneAsync<CreditNote>(unit, "SELECT document FROM {schema}.credit_notes WHERE tenant_id = @tenant AND credit_note_id = @id", id.Value, cancellationToken);

    public async ValueTask SaveCreditNoteAsync(ITenantUnitOfWork unit, CreditNote creditNote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        var pg = PostgreSqlUnitOfWork.From(unit);
        await pg.ExecuteAsync(
            """
            INSERT INTO {schema}.credit_notes (tenant_id, credit_note_id, invoice_id, credit_note_number, amount_minor, currency, issued_at_ticks, document)
            VALUES (@tenant, @id, @invoice, @number, @amount, @currency, @issued, @document)
            ON CONFLICT (tenant_id, credit_note_id) DO UPDATE SET invoice_id = excluded.invoice_id, credit_note_number = excluded.credit_note_number,
                amount_minor = excluded.amount_minor, currency = excluded.currency, issued_at_ticks = excluded.issued_at_ticks, document = excluded.document
            """,
            c => c.WithText("tenant", unit.Tenant.Value)
                .WithText("id", creditNote.Id.Value)
                .WithText("invoice", creditNote.InvoiceId.Value)
                .WithText("number", creditNote.Number)
                .WithBigint("amount", creditNote.Amount.MinorUnits)
                .WithText("currency", creditNote.Amount.Currency.Code)
                .WithBigint("issued", Db.Ticks(creditNote.IssuedAt))
                .WithJson("document", DocumentSerializer.Serialize(creditNote)),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Invoice?> GetAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.invoices WHERE tenant_id = @tenant AND invoice_id = @id",
            c => c.WithText("tenant", tenant.Value).WithText("id", id.Value),
            r => r.Document<Invoice>(0),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async ValueTask<IReadOnlyList<InvoicePayment>> GetPaymentsAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.invoice_payments WHERE tenant_id = @tenant AND invoice_id = @invoice",
            c => c.WithText("tenant", tenant.Value).WithText("invoice", invoiceId.Value),
            r => r.Document<InvoicePayment>(0),
            cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(p => p.RecordedAt).ThenBy(p => p.PaymentId.Value, StringComparer.Ordinal)];
    }

    public async ValueTask<IReadOnlyList<CreditNote>> GetCreditNotesAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(
            "SELECT document FROM {schema}.credit_notes WHERE tenant_id = @tenant AND invoice_id = @invoice",
            c => c.WithText("tenant", tenant.Value).WithText("invoice", invoiceId.Value),
            r => r.Document<CreditNote>(0),
            cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(c => c.IssuedAt).ThenBy(c => c.Id.Value, StringComparer.Ordinal)];
    }

    public async ValueTask<InvoicePage> SearchAsync(TenantId tenant, InvoiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 1 || query.PageSize < 1 || query.PageSize > InvoiceQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"Page must be 1 or more and PageSize 1 to {InvoiceQuery.MaxPageSize}; got page {query.Page} of size {query.PageSize}.");
        }

        var where = new StringBuilder("tenant_id = @tenant");
        Append(where, query.Number is not null, " AND strpos(lower(invoice_number), lower(@number)) > 0");
        Append(where, query.CustomerId is not null, " AND customer_id = @customer");
        Append(where, query.Status is not null, " AND status = @status");
        Append(where, query.InvoiceDateFrom is not null, " AND invoice_date >= @invoice_from");
        Append(where, query.InvoiceDateTo is not null, " AND invoice_date <= @invoice_to");
        Append(where, query.DueDateFrom is not null, " AND due_date >= @due_from");
        Append(where, query.DueDateTo is not null, " AND due_date <= @due_to");
        Append(where, query.BillingGroupId is not null, " AND billing_group_id = @group");
        void Bind(NpgsqlCommand c) => c.WithText("tenant", tenant.Value)
            .WithText("number", query.Number)
            .WithText("customer", query.CustomerId?.Value)
            .WithText("status", query.Status?.ToString())
            .WithDate("invoice_from", query.InvoiceDateFrom)
            .WithDate("invoice_to", query.InvoiceDateTo)
            .WithDate("due_from", query.DueDateFrom)
            .WithDate("due_to", query.DueDateTo)
            .WithText("group", query.BillingGroupId?.Value);

        var total = 0L;
        var rows = await database.ReadAsync(
            $$"""
            SELECT document, COUNT(*) OVER () FROM {schema}.invoices WHERE {{where}}
            ORDER BY invoice_date DESC, invoice_number COLLATE "C" DESC NULLS LAST, invoice_id COLLATE "C" DESC
            OFFSET @skip LIMIT @take
            """,
            c =>
            {
                Bind(c);
                c.WithBigint("skip", ((long)query.Page - 1) * query.PageSize).WithBigint("take", query.PageSize);
            },
            r =>
            {
                total = r.GetInt64(1);
                return r.Document<Invoice>(0);
            },
            cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 && query.Page > 1)
        {
            total = (await database.ReadAsync($"SELECT COUNT(*) FROM {{schema}}.invoices WHERE {where}", Bind, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];
        }

        return new InvoicePage(rows, query.Page, query.PageSize, checked((int)total));
    }

    private static void Append(StringBuilder where, bool condition, string clause)
    {
        if (condition)
        {
            where.Append(clause);
        }
    }

    private static async ValueTask<T?> FindOneAsync<T>(ITenantUnitOfWork unit, string sql, string id, CancellationToken cancellationToken)
        where T : class
    {
        var pg = PostgreSqlUnitOfWork.From(unit);
        var rows = await pg.ReadAsync(sql, c => c.WithText("tenant", unit.Tenant.Value).WithText("id", id), r => r.Document<T>(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, TenantId tenant)
    {
        var command = new NpgsqlBatchCommand(database.Sql(sql)).WithText("tenant", tenant.Value);
        batch.BatchCommands.Add(command);
        return command;
    }
}
