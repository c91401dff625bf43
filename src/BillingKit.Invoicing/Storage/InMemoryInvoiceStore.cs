using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>The embedded <see cref="IInvoiceStore"/>: per-tenant tables written through <see cref="InMemoryUnitOfWork"/>. Thread-safe.</summary>
internal sealed class InMemoryInvoiceStore : IInvoiceStore
{
    private readonly TenantTable<InvoiceId, Invoice> _invoices = new();
    private readonly TenantTable<PaymentId, InvoicePayment> _payments = new();
    private readonly TenantTable<CreditNoteId, CreditNote> _creditNotes = new();
    private readonly TenantTable<string, SequenceValue> _sequences = new();

    public ValueTask<Invoice?> FindAsync(ITenantUnitOfWork unit, InvoiceId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_invoices.Find(unit, id));

    public ValueTask SaveAsync(ITenantUnitOfWork unit, Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        RequireTenant(unit, invoice.Tenant);
        _invoices.Stage(unit, invoice.Id, invoice);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long> NextSequenceAsync(ITenantUnitOfWork unit, string series, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        var next = checked((_sequences.Find(unit, series)?.Value ?? 0) + 1);
        _sequences.Stage(unit, series, new SequenceValue(next));
        return ValueTask.FromResult(next);
    }

    public ValueTask<InvoicePayment?> FindPaymentAsync(ITenantUnitOfWork unit, PaymentId paymentId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_payments.Find(unit, paymentId));

    public ValueTask SavePaymentAsync(ITenantUnitOfWork unit, InvoicePayment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        _payments.Stage(unit, payment.PaymentId, payment);
        return ValueTask.CompletedTask;
    }

    public ValueTask<CreditNote?> FindCreditNoteAsync(ITenantUnitOfWork unit, CreditNoteId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_creditNotes.Find(unit, id));

    public ValueTask SaveCreditNoteAsync(ITenantUnitOfWork unit, CreditNote creditNote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        _creditNotes.Stage(unit, creditNote.Id, creditNote);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Invoice?> GetAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_invoices.Get(tenant, id));

    public ValueTask<IReadOnlyList<InvoicePayment>> GetPaymentsAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<InvoicePayment>>(
            _payments.All(tenant).Where(p => p.InvoiceId == invoiceId).OrderBy(p => p.RecordedAt).ThenBy(p => p.PaymentId.Value, StringComparer.Ordinal).ToArray());

    public ValueTask<IReadOnlyList<CreditNote>> GetCreditNotesAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<CreditNote>>(
            _creditNotes.All(tenant).Where(c => c.InvoiceId == invoiceId).OrderBy(c => c.IssuedAt).ThenBy(c => c.Id.Value, StringComparer.Ordinal).ToArray());

    public ValueTask<InvoicePage> SearchAsync(TenantId tenant, InvoiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        InvoiceQuery.Validate(query);
        var matches = _invoices.All(tenant)
            .Where(query.Matches)
            .OrderByDescending(i => i.InvoiceDate)
            .ThenByDescending(i => i.Number, StringComparer.Ordinal)
            .ThenByDescending(i => i.Id.Value, StringComparer.Ordinal)
            .ToArray();
        var page = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToArray();
        return ValueTask.FromResult(new InvoicePage(page, query.Page, query.PageSize, matches.Length));
    }

    private static void RequireTenant(ITenantUnitOfWork unit, TenantId tenant)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Tenant != tenant)
        {
            throw new ArgumentException($"The record belongs to tenant {tenant} but the unit of work is for tenant {unit.Tenant}.", nameof(unit));
        }
    }

    private sealed record SequenceValue(long Value);
}
