using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>What a new draft invoice bills: the customer, currency, dates, terms, lines and references.</summary>
/// <param name="CustomerId">The billed customer.</param>
/// <param name="Customer">The customer's name and billing address as printed on the invoice.</param>
/// <param name="Currency">The currency of every line.</param>
/// <param name="InvoiceDate">The invoice date, in the tenant's billing calendar.</param>
/// <param name="Terms">The customer's payment terms; the due date is <c>Terms.DueDate(InvoiceDate)</c>.</param>
public sealed record NewInvoice(
    CustomerId CustomerId,
    InvoiceParty Customer,
    Currency Currency,
    LocalDate InvoiceDate,
    PaymentTerms Terms)
{
    /// <summary>Gets the initial lines; more can be added while the invoice is a draft.</summary>
    /// <value>None by default.</value>
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>Gets whether the lines' unit prices include tax.</summary>
    /// <value><see cref="TaxMode.Exclusive"/> by default.</value>
    public TaxMode TaxMode { get; init; }

    /// <summary>Gets how the invoice will be collected.</summary>
    /// <value><see cref="CollectionMethod.Automatic"/> by default; <see cref="CollectionMethod.Manual"/> requires <see cref="PaymentInstructions"/>.</value>
    public CollectionMethod CollectionMethod { get; init; }

    /// <summary>Gets how to pay the invoice outside the standard flow (bank, account, reference to quote).</summary>
    public string? PaymentInstructions { get; init; }

    /// <summary>Gets the purchase order the invoice bills against, if any; the invoice draws down its balance when finalized.</summary>
    public PurchaseOrderId? PurchaseOrderId { get; init; }

    /// <summary>Gets the purchase order's number as printed on the invoice.</summary>
    public string? PurchaseOrderNumber { get; init; }

    /// <summary>Gets the billing group of a consolidated invoice, if any.</summary>
    public BillingGroupId? BillingGroupId { get; init; }

    /// <summary>Gets a free-text note printed on the invoice.</summary>
    public string? Memo { get; init; }
}
