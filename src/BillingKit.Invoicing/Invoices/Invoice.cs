using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>
/// An invoice: what one customer (or one billing group) owes, line by line, with its number, dates, totals and
/// what has been paid and credited. Immutable; every change returns a new instance.
/// </summary>
/// <remarks>
/// <para>Start with <see cref="CreateDraft"/>, edit the draft (<see cref="AddLines"/>, <see cref="RemoveLineAt"/>,
/// <see cref="WithMemo"/>), then <see cref="FinalizeAs"/> it with a number from the tenant's numbering sequence
/// (the <see cref="InvoiceService"/> does that for you). A finalized invoice is immutable apart from payments
/// (<see cref="RecordPayment"/>), credit notes (<see cref="ApplyCreditNote"/>) and its status
/// (<see cref="MarkVoid"/>, <see cref="MarkUncollectible"/>); <see cref="InvoiceStatus"/> lists the allowed
/// transitions.</para>
/// <para>Totals are always the sums of the lines: <see cref="Subtotal"/> = Σ line amounts, <see cref="TaxTotal"/> =
/// Σ line taxes, <see cref="Total"/> = <see cref="Subtotal"/> + <see cref="TaxTotal"/>. What remains to be paid is
/// <c>AmountRemaining = Total − AmountCredited − (AmountPaid − AmountReturned)</c>, and it is never negative.</para>
/// </remarks>
public sealed partial record Invoice
{
    private Invoice(InvoiceId id, TenantId tenant, CustomerId customerId, InvoiceParty customer, Currency currency, Instant createdAt)
    {
        Id = id;
        Tenant = tenant;
        CustomerId = customerId;
        Customer = customer;
        Currency = currency;
        CreatedAt = createdAt;
        Lines = [];
        Subtotal = Money.Zero(currency);
        TaxTotal = Money.Zero(currency);
        AmountPaid = Money.Zero(currency);
        AmountCredited = Money.Zero(currency);
        AmountReturned = Money.Zero(currency);
    }

    /// <summary>Gets the invoice's id (not its printed number).</summary>
    public InvoiceId Id { get; }

    /// <summary>Gets the tenant whose books the invoice belongs to.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the printed number, assigned when the invoice is finalized; <see langword="null"/> for drafts.</summary>
    public string? Number { get; private init; }

    /// <summary>Gets the status.</summary>
    public InvoiceStatus Status { get; private init; }

    /// <summary>Gets the billed customer; a billing group's consolidated invoice is filed under <see cref="InvoiceConsolidation.GroupCustomerId"/>, and each of its lines names its own customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the customer's name and billing address as printed on the invoice.</summary>
    public InvoiceParty Customer { get; private init; }

    /// <summary>Gets the currency of every amount on the invoice.</summary>
    public Currency Currency { get; }

    /// <summary>Gets whether the lines' unit prices include tax.</summary>
    public TaxMode TaxMode { get; private init; }

    /// <summary>Gets how the invoice is collected: automatically, or manually following <see cref="PaymentInstructions"/>.</summary>
    public CollectionMethod CollectionMethod { get; private init; }

    /// <summary>Gets the invoice date (in the tenant's billing calendar).</summary>
    public LocalDate InvoiceDate { get; private init; }

    /// <summary>Gets the payment terms that set <see cref="DueDate"/>.</summary>
    public PaymentTerms Terms { get; private init; }

    /// <summary>Gets the date payment is due: <see cref="Terms"/> applied to <see cref="InvoiceDate"/>.</summary>
    public LocalDate DueDate { get; private init; }

    /// <summary>Gets the lines, in the order they were added.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; private init; }

    /// <summary>Gets the sum of the lines' net amounts (excluding tax).</summary>
    public Money Subtotal { get; private init; }

    /// <summary>Gets the sum of the lines' tax amounts.</summary>
    public Money TaxTotal { get; private init; }

    /// <summary>Gets the amount due before payments and credits: <see cref="Subtotal"/> + <see cref="TaxTotal"/>.</summary>
    public Money Total => Subtotal + TaxTotal;

    /// <summary>Gets the sum of the payments recorded against the invoice.</summary>
    public Money AmountPaid { get; private init; }

    /// <summary>Gets the sum of the credit notes issued against the invoice.</summary>
    public Money AmountCredited { get; private init; }

    /// <summary>Gets how much of <see cref="AmountPaid"/> credit notes gave back, as refunds or as credit to the customer's balance.</summary>
    public Money AmountReturned { get; private init; }

    /// <summary>Gets what is still owed: <see cref="Total"/> − <see cref="AmountCredited"/> − (<see cref="AmountPaid"/> − <see cref="AmountReturned"/>).</summary>
    public Money AmountRemaining => Total - AmountCredited - (AmountPaid - AmountReturned);

    /// <summary>Gets the purchase order the invoice bills against, if any.</summary>
    public PurchaseOrderId? PurchaseOrderId { get; private init; }

    /// <summary>Gets the purchase order's number as the customer issued it, printed on the invoice.</summary>
    public string? PurchaseOrderNumber { get; private init; }

    /// <summary>Gets the billing group of a consolidated invoice, if any.</summary>
    public BillingGroupId? BillingGroupId { get; private init; }

    /// <summary>Gets how to pay a manual invoice (bank details, payment reference), if any.</summary>
    public string? PaymentInstructions { get; private init; }

    /// <summary>Gets a free-text note printed on the invoice, if any.</summary>
    public string? Memo { get; private init; }

    /// <summary>Gets when the draft was created.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets when the invoice was finalized; <see langword="null"/> for drafts.</summary>
    public Instant? FinalizedAt { get; private init; }

    /// <summary>Gets when the invoice reached <see cref="InvoiceStatus.Paid"/> or <see cref="InvoiceStatus.Void"/>, if it has.</summary>
    public Instant? ClosedAt { get; private init; }

    /// <summary>Gets whether the invoice has been finalized (it is no longer a draft).</summary>
    public bool IsFinalized => Status != InvoiceStatus.Draft;

    /// <summary>Creates a draft invoice.</summary>
    /// <param name="id">The new invoice's id.</param>
    /// <param name="tenant">The tenant whose books it belongs to.</param>
    /// <param name="request">What to bill: customer, currency, dates, terms, lines and references.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The draft, with no number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">An id or the customer's name is missing, or the request is otherwise malformed.</exception>
    /// <exception cref="CurrencyMismatchException">A line is in another currency than the invoice.</exception>
    /// <exception cref="InvoiceValidationException">A line's tax mode differs from the invoice's, or a manual invoice has no payment instructions.</exception>
    public static Invoice CreateDraft(InvoiceId id, TenantId tenant, NewInvoice request, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(id.Value) || string.IsNullOrEmpty(tenant.Value) || string.IsNullOrEmpty(request.CustomerId.Value))
        {
            throw new ArgumentException("An invoice needs its id, the tenant and the customer id; a default id is not one.", nameof(request));
        }

        if (request.Customer is null || string.IsNullOrWhiteSpace(request.Customer.Name))
        {
            throw new ArgumentException("An invoice needs the customer's name as it should be printed.", nameof(request));
        }
        if (request.CollectionMethod == CollectionMethod.Manual && string.IsNullOrWhiteSpace(request.PaymentInstructions))
        {
            throw new InvoiceValidationException(id, "A manual invoice needs payment instructions (how and where to pay, and the reference to quote).");
        }

        var draft = new Invoice(id, tenant, request.CustomerId, request.Customer, request.Currency, now)
        {
            Status = InvoiceStatus.Draft,
            TaxMode = request.TaxMode,
            CollectionMethod = request.CollectionMethod,
            InvoiceDate = request.InvoiceDate,
            Terms = request.Terms,
            DueDate = request.Terms.DueDate(request.InvoiceDate),
            PurchaseOrderId = request.PurchaseOrderId,
            PurchaseOrderNumber = request.PurchaseOrderNumber,
            BillingGroupId = request.BillingGroupId,
            PaymentInstructions = request.PaymentInstructions,
            Memo = request.Memo,
        };
        return request.Lines is { Count: > 0 } lines ? draft.AddLines(lines) : draft;
    }
}
