using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>Stores invoices, their payments and credit notes, and the tenants' numbering sequences.</summary>
/// <remarks>
/// Writes take the <see cref="ITenantUnitOfWork"/> they belong to and become visible when it commits; reads through a
/// unit see its own writes. Implementations are thread-safe. The in-memory default is registered by <c>AddInvoicing</c>;
/// the PostgreSQL package implements the same port.
/// </remarks>
public interface IInvoiceStore
{
    /// <summary>Finds an invoice within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or <see langword="null"/>.</returns>
    ValueTask<Invoice?> FindAsync(ITenantUnitOfWork unit, InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces an invoice.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="invoice">The invoice.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, Invoice invoice, CancellationToken cancellationToken = default);

    /// <summary>Advances a numbering series and returns its next value (1 for a new series). The advance commits or
    /// is discarded with the unit, so committed numbers have no gaps and no duplicates.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="series">The series, such as "INV-2026-{seq}".</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The next value.</returns>
    ValueTask<long> NextSequenceAsync(ITenantUnitOfWork unit, string series, CancellationToken cancellationToken = default);

    /// <summary>Finds a recorded payment by id within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="paymentId">The payment.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment, or <see langword="null"/>.</returns>
    ValueTask<InvoicePayment?> FindPaymentAsync(ITenantUnitOfWork unit, PaymentId paymentId, CancellationToken cancellationToken = default);

    /// <summary>Records a payment.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="payment">The payment.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SavePaymentAsync(ITenantUnitOfWork unit, InvoicePayment payment, CancellationToken cancellationToken = default);

    /// <summary>Finds a credit note by id within a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="id">The credit note.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credit note, or <see langword="null"/>.</returns>
    ValueTask<CreditNote?> FindCreditNoteAsync(ITenantUnitOfWork unit, CreditNoteId id, CancellationToken cancellationToken = default);

    /// <summary>Records a credit note.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="creditNote">The credit note.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveCreditNoteAsync(ITenantUnitOfWork unit, CreditNote creditNote, CancellationToken cancellationToken = default);

    /// <summary>Gets a committed invoice.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or <see langword="null"/>.</returns>
    ValueTask<Invoice?> GetAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Gets the committed payments of an invoice, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payments.</returns>
    ValueTask<IReadOnlyList<InvoicePayment>> GetPaymentsAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default);

    /// <summary>Gets the committed credit notes of an invoice, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credit notes.</returns>
    ValueTask<IReadOnlyList<CreditNote>> GetCreditNotesAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default);

    /// <summary>Searches committed invoices.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One page of matches, newest invoice date first.</returns>
    ValueTask<InvoicePage> SearchAsync(TenantId tenant, InvoiceQuery query, CancellationToken cancellationToken = default);
}
