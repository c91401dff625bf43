using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>
/// Creates, edits, finalizes (numbers), pays, credits, voids and finds invoices.
/// </summary>
/// <remarks>
/// <para>Every mutating method comes in two forms: one takes the <see cref="ITenantUnitOfWork"/> of a larger operation
/// (the billing desk records the ledger entry and the audit record in the same unit) and leaves committing to its owner;
/// the other begins and commits its own unit. Either way all checks run before anything is staged, so a refused
/// operation writes nothing, not even a consumed invoice number.</para>
/// <para>Numbers come from a per-tenant sequence that lives in the store and advances inside the unit that finalizes
/// the invoice: committed numbers have no gaps and no duplicates within a series, and units of one tenant are serialized.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class InvoiceService
{
    private readonly IInvoiceStore _invoices;
    private readonly IPurchaseOrderStore _orders;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly InvoicingOptions _options;
    private readonly NumberFormat _numberFormat;
    private readonly NumberFormat _creditNoteFormat;
    private readonly DateTimeZone _zone;

    /// <summary>Creates the service.</summary>
    /// <param name="invoices">The invoice store.</param>
    /// <param name="orders">The purchase-order store (invoices draw down approved orders).</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The invoicing options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options hold an invalid number format or time zone.</exception>
    public InvoiceService(IInvoiceStore invoices, IPurchaseOrderStore orders, IUnitOfWorkFactory units, IClock clock, IOptions<InvoicingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _invoices = invoices;
        _orders = orders;
        _units = units;
        _clock = clock;
        _options = options.Value;
        _numberFormat = NumberFormat.Parse(_options.NumberFormat);
        _creditNoteFormat = NumberFormat.Parse(_options.CreditNoteNumberFormat);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(_options.TimeZoneId)
            ?? throw new ArgumentException($"'{_options.TimeZoneId}' is not an IANA time zone id.", nameof(options));
    }

    /// <summary>Creates a draft invoice in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">What to bill. A manual invoice without payment instructions gets <see cref="InvoicingOptions.ManualPaymentInstructions"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ArgumentException">The request is malformed.</exception>
    /// <exception cref="CurrencyMismatchException">A line, or the purchase order, is in another currency.</exception>
    /// <exception cref="InvoiceValidationException">A line's tax mode differs, a manual invoice has no instructions, or the purchase order is unknown or another customer's.</exception>
    /// <exception cref="PurchaseOrderStateException">The purchase order is not approved.</exception>
    public ValueTask<Invoice> CreateDraftAsync(TenantId tenant, NewInvoice request, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => CreateDraftAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Creates a draft invoice within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="request">What to bill.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ArgumentException">The request is malformed.</exception>
    /// <exception cref="CurrencyMismatchException">A line, or the purchase order, is in another currency.</exception>
    /// <exception cref="InvoiceValidationException">A line's tax mode differs, a manual invoice has no instructions, or the purchase order is unknown or another customer's.</exception>
    /// <exception cref="PurchaseOrderStateException">The purchase order is not approved.</exception>
    public async ValueTask<Invoice> CreateDraftAsync(ITenantUnitOfWork unit, NewInvoice request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(request);
        var id = InvoiceId.New();
        if (request.CollectionMethod == CollectionMethod.Manual && string.IsNullOrWhiteSpace(request.PaymentInstructions))
        {
            request = request with { PaymentInstructions = _options.ManualPaymentInstructions };
        }

        if (request.PurchaseOrderId is { } orderId)
        {
            var order = await _orders.FindAsync(unit, orderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvoiceValidationException(id, $"Purchase order {orderId} does not exist; submit and approve it before invoicing against it.");
            if (order.CustomerId != request.CustomerId)
            {
                throw new InvoiceValidationException(id, $"Purchase order {order.Number} belongs to customer {order.CustomerId}, not {request.CustomerId}.");
            }

            if (order.Status != PurchaseOrderStatus.Approved)
            {
                throw new PurchaseOrderStateException(order.Id, order.Status, "invoice against", "only approved orders with a balance can be invoiced against");
            }

            if (order.Currency != request.Currency)
            {
                throw new CurrencyMismatchException(order.Currency, request.Currency);
            }

            request = request with { PurchaseOrderNumber = order.Number };
        }

        var draft = Invoice.CreateDraft(id, unit.Tenant, request, _clock.GetCurrentInstant());
        await _invoices.SaveAsync(unit, draft, cancellationToken).ConfigureAwait(false);
        return draft;
    }

    /// <summary>Edits a draft in its own unit of work with the invoice's own editing methods, for example
    /// <c>draft => draft.AddLine(line)</c> or <c>draft => draft.RemoveLineAt(0).WithMemo("Thanks")</c>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="edit">The edit; it must return the same invoice, still a draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The edited draft.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is finalized, so it can no longer be edited.</exception>
    /// <exception cref="CurrencyMismatchException">An added line is in another currency.</exception>
    /// <exception cref="InvalidOperationException">The edit returned another invoice or finalized it.</exception>
    public ValueTask<Invoice> EditDraftAsync(TenantId tenant, InvoiceId invoiceId, Func<Invoice, Invoice> edit, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => EditDraftAsync(unit, invoiceId, edit, cancellationToken), cancellationToken);

    /// <summary>Edits a draft within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="edit">The edit; it must return the same invoice, still a draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The edited draft.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is finalized, so it can no longer be edited.</exception>
    /// <exception cref="CurrencyMismatchException">An added line is in another currency.</exception>
    /// <exception cref="InvalidOperationException">The edit returned another invoice or finalized it.</exception>
    public async ValueTask<Invoice> EditDraftAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, Func<Invoice, Invoice> edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        if (invoice.Status != InvoiceStatus.Draft)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, "edit", "only drafts can be edited; finalized invoices are immutable (issue a credit note to correct one)");
        }

        var edited = edit(invoice);
        if (edited is null || edited.Id != invoice.Id || edited.Status != InvoiceStatus.Draft)
        {
            throw new InvalidOperationException("A draft edit must return the same invoice, still a draft; finalize it with FinalizeAsync so that it gets its number.");
        }

        await _invoices.SaveAsync(unit, edited, cancellationToken).ConfigureAwait(false);
        return edited;
    }

    /// <summary>Finalizes a draft in its own unit of work: assigns the next number of the tenant's series, makes it
    /// Open and immutable, and draws its total from its purchase order, if it has one.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The finalized invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is already finalized.</exception>
    /// <exception cref="InvoiceValidationException">It has no lines or a negative total.</exception>
    /// <exception cref="PurchaseOrderBalanceExceededException">Its total exceeds its purchase order's balance.</exception>
    /// <exception cref="PurchaseOrderStateException">Its purchase order is no longer approved.</exception>
    /// <exception cref="PurchaseOrderValidationException">Its invoice date is outside the purchase order's validity.</exception>
    public ValueTask<Invoice> FinalizeAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => FinalizeAsync(unit, invoiceId, cancellationToken), cancellationToken);

    /// <summary>Finalizes a draft within a unit of work; see <see cref="FinalizeAsync(TenantId, InvoiceId, CancellationToken)"/>.</summary>
    /// <param name="unit">The unit; its owner commits it. The number is consumed only if it commits.</param>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The finalized invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is already finalized.</exception>
    /// <exception cref="InvoiceValidationException">It has no lines or a negative total.</exception>
    /// <exception cref="PurchaseOrderBalanceExceededException">Its total exceeds its purchase order's balance.</exception>
    /// <exception cref="PurchaseOrderStateException">Its purchase order is no longer approved.</exception>
    /// <exception cref="PurchaseOrderValidationException">Its invoice date is outside the purchase order's validity.</exception>
    public async ValueTask<Invoice> FinalizeAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();

        // Run every check before staging anything, so a refusal consumes no number.
        _ = invoice.FinalizeAs("unnumbered", now);
        PurchaseOrder? drawn = null;
        if (invoice.PurchaseOrderId is { } orderId)
        {
            var order = await _orders.FindAsync(unit, orderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvoiceValidationException(invoice.Id, $"Purchase order {orderId} no longer exists.");
            drawn = order.Draw(invoice.Total, invoice.InvoiceDate);
        }

        var sequence = await _invoices.NextSequenceAsync(unit, _numberFormat.Series(invoice.InvoiceDate), cancellationToken).ConfigureAwait(false);
        var finalized = invoice.FinalizeAs(_numberFormat.Format(invoice.InvoiceDate, sequence), now);
        await _invoices.SaveAsync(unit, finalized, cancellationToken).ConfigureAwait(false);
        if (drawn is not null)
        {
            await _orders.SaveAsync(unit, drawn, cancellationToken).ConfigureAwait(false);
        }

        return finalized;
    }

    /// <summary>Records a full or partial payment in its own unit of work, spreading it over the invoice's lines
    /// oldest due first (see <see cref="InvoiceConsolidation.AllocatePayment"/>), which settles billing-group invoices
    /// line by line. Recording the same payment id again returns the first result and writes nothing.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="paymentId">The payment's id (from the ledger or the provider).</param>
    /// <param name="amount">The amount; above zero and at most what remains.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the payment and the payment's allocation.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, paid or void.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceValidationException"><paramref name="amount"/> is not positive or exceeds what remains, or the payment id was already used differently.</exception>
    public ValueTask<InvoicePaymentResult> RecordPaymentAsync(TenantId tenant, InvoiceId invoiceId, PaymentId paymentId, Money amount, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => RecordPaymentAsync(unit, invoiceId, paymentId, amount, cancellationToken), cancellationToken);

    /// <summary>Records a payment within a unit of work; see <see cref="RecordPaymentAsync(TenantId, InvoiceId, PaymentId, Money, CancellationToken)"/>.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="paymentId">The payment's id.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the payment and the payment's allocation.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, paid or void.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceValidationException"><paramref name="amount"/> is not positive or exceeds what remains, or the payment id was already used differently.</exception>
    public async ValueTask<InvoicePaymentResult> RecordPaymentAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, PaymentId paymentId, Money amount, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(paymentId.Value))
        {
            throw new ArgumentException("A payment id is required; default(PaymentId) is not one.", nameof(paymentId));
        }

        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var existing = await _invoices.FindPaymentAsync(unit, paymentId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.InvoiceId != invoiceId || existing.Amount != amount)
            {
                throw new InvoiceValidationException(invoiceId, $"Payment {paymentId} was already recorded as {existing.Amount} on invoice {existing.InvoiceId}; a retry must repeat the same invoice and amount.");
            }

            return new InvoicePaymentResult(invoice, existing, AlreadyRecorded: true);
        }

        var now = _clock.GetCurrentInstant();
        var paid = invoice.RecordPayment(amount, now);
        var payment = new InvoicePayment(paymentId, invoiceId, amount, now, InvoiceConsolidation.AllocatePayment(invoice, amount));
        await _invoices.SaveAsync(unit, paid, cancellationToken).ConfigureAwait(false);
        await _invoices.SavePaymentAsync(unit, payment, cancellationToken).ConfigureAwait(false);
        return new InvoicePaymentResult(paid, payment, AlreadyRecorded: false);
    }

    /// <summary>Issues a numbered credit note against a finalized invoice in its own unit of work. Issuing the same
    /// credit note id again returns the first result and writes nothing.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="request">The amount and its split into refund, credit to balance and write-off, which must add up to it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the credit and the credit note.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft or void.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="InvoiceValidationException">The parts do not add up, the amount exceeds what can be credited, more is given back than was paid, or an overpayment would be left.</exception>
    public ValueTask<CreditNoteResult> IssueCreditNoteAsync(TenantId tenant, InvoiceId invoiceId, CreditNoteRequest request, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => IssueCreditNoteAsync(unit, invoiceId, request, cancellationToken), cancellationToken);

    /// <summary>Issues a credit note within a unit of work; see <see cref="IssueCreditNoteAsync(TenantId, InvoiceId, CreditNoteRequest, CancellationToken)"/>.</summary>
    /// <param name="unit">The unit; its owner commits it (and posts the refund and balance credit to the ledger in it).</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="request">The credit note.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invoice after the credit and the credit note.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft or void.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="InvoiceValidationException">The parts do not add up, the amount exceeds what can be credited, more is given back than was paid, or an overpayment would be left.</exception>
    public async ValueTask<CreditNoteResult> IssueCreditNoteAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, CreditNoteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var existing = await _invoices.FindCreditNoteAsync(unit, request.Id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.InvoiceId != invoiceId || existing.Amount != request.Amount)
            {
                throw new InvoiceValidationException(invoiceId, $"Credit note {request.Id} was already issued for {existing.Amount} on invoice {existing.InvoiceId}; a retry must repeat the same invoice and amount.");
            }

            return new CreditNoteResult(invoice, existing, AlreadyIssued: true);
        }

        var now = _clock.GetCurrentInstant();
        var note = CreditNote.Create(request.Id, invoiceId, request.Amount, request.Refund, request.CreditToBalance, request.WrittenOff, request.Reason, now);
        var credited = invoice.ApplyCreditNote(note, now);
        var today = UnitRunner.Today(_clock, _zone);
        var sequence = await _invoices.NextSequenceAsync(unit, _creditNoteFormat.Series(today), cancellationToken).ConfigureAwait(false);
        note = note with { Number = _creditNoteFormat.Format(today, sequence) };
        await _invoices.SaveAsync(unit, credited, cancellationToken).ConfigureAwait(false);
        await _invoices.SaveCreditNoteAsync(unit, note, cancellationToken).ConfigureAwait(false);
        return new CreditNoteResult(credited, note, AlreadyIssued: false);
    }

    /// <summary>Voids an invoice in its own unit of work, giving back what it drew from its purchase order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The void invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is paid or already void.</exception>
    /// <exception cref="InvoiceValidationException">Money paid against it has not been given back.</exception>
    public ValueTask<Invoice> VoidAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => VoidAsync(unit, invoiceId, cancellationToken), cancellationToken);

    /// <summary>Voids an invoice within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The void invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is paid or already void.</exception>
    /// <exception cref="InvoiceValidationException">Money paid against it has not been given back.</exception>
    public async ValueTask<Invoice> VoidAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var voided = invoice.MarkVoid(_clock.GetCurrentInstant());
        PurchaseOrder? released = null;
        if (invoice.IsFinalized && invoice.PurchaseOrderId is { } orderId
            && await _orders.FindAsync(unit, orderId, cancellationToken).ConfigureAwait(false) is { } order)
        {
            released = order.Release(invoice.Total);
        }

        await _invoices.SaveAsync(unit, voided, cancellationToken).ConfigureAwait(false);
        if (released is not null)
        {
            await _orders.SaveAsync(unit, released, cancellationToken).ConfigureAwait(false);
        }

        return voided;
    }

    /// <summary>Marks an open invoice uncollectible in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The uncollectible invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is not open.</exception>
    public ValueTask<Invoice> MarkUncollectibleAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => MarkUncollectibleAsync(unit, invoiceId, cancellationToken), cancellationToken);

    /// <summary>Marks an open invoice uncollectible within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The uncollectible invoice.</returns>
    /// <exception cref="InvoicingNotFoundException">No such invoice.</exception>
    /// <exception cref="InvoiceStateException">It is not open.</exception>
    public async ValueTask<Invoice> MarkUncollectibleAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, CancellationToken cancellationToken = default)
    {
        var invoice = await RequireAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false);
        var marked = invoice.MarkUncollectible();
        await _invoices.SaveAsync(unit, marked, cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <summary>Gets a committed invoice.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or <see langword="null"/>.</returns>
    public ValueTask<Invoice?> GetAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        _invoices.GetAsync(tenant, invoiceId, cancellationToken);

    /// <summary>Searches a tenant's invoices by number, customer, status, date ranges and billing group.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One page of matches, newest invoice date first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page or page size is out of range.</exception>
    public ValueTask<InvoicePage> SearchAsync(TenantId tenant, InvoiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        InvoiceQuery.Validate(query);
        return _invoices.SearchAsync(tenant, query, cancellationToken);
    }

    /// <summary>Gets the payments recorded against an invoice, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payments with their line allocations.</returns>
    public ValueTask<IReadOnlyList<InvoicePayment>> GetPaymentsAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        _invoices.GetPaymentsAsync(tenant, invoiceId, cancellationToken);

    /// <summary>Gets the credit notes issued against an invoice, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credit notes.</returns>
    public ValueTask<IReadOnlyList<CreditNote>> GetCreditNotesAsync(TenantId tenant, InvoiceId invoiceId, CancellationToken cancellationToken = default) =>
        _invoices.GetCreditNotesAsync(tenant, invoiceId, cancellationToken);

    private async ValueTask<Invoice> RequireAsync(ITenantUnitOfWork unit, InvoiceId invoiceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _invoices.FindAsync(unit, invoiceId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "invoice", invoiceId.Value);
    }
}
