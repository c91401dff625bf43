using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Filters for <see cref="IInvoiceStore.SearchAsync"/>. Every filter that is set must match; date ranges are inclusive.</summary>
/// <remarks>Results are ordered newest invoice date first, then by number and id, descending.</remarks>
public sealed record InvoiceQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Gets text the invoice number must contain (ordinal, case-insensitive); drafts have no number and never match.</summary>
    public string? Number { get; init; }

    /// <summary>Gets the customer the invoice must be for.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>Gets the status the invoice must have.</summary>
    public InvoiceStatus? Status { get; init; }

    /// <summary>Gets the earliest invoice date.</summary>
    public LocalDate? InvoiceDateFrom { get; init; }

    /// <summary>Gets the latest invoice date.</summary>
    public LocalDate? InvoiceDateTo { get; init; }

    /// <summary>Gets the earliest due date.</summary>
    public LocalDate? DueDateFrom { get; init; }

    /// <summary>Gets the latest due date.</summary>
    public LocalDate? DueDateTo { get; init; }

    /// <summary>Gets the billing group the invoice must belong to.</summary>
    public BillingGroupId? BillingGroupId { get; init; }

    /// <summary>Gets the page to return, from 1.</summary>
    /// <value>1 by default.</value>
    public int Page { get; init; } = 1;

    /// <summary>Gets the number of invoices per page, 1 to <see cref="MaxPageSize"/>.</summary>
    /// <value>50 by default.</value>
    public int PageSize { get; init; } = 50;

    /// <summary>Tells whether an invoice matches every filter that is set (paging aside).</summary>
    /// <param name="invoice">The invoice.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    public bool Matches(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return (Number is null || (invoice.Number is { } number && number.Contains(Number, StringComparison.OrdinalIgnoreCase)))
            && (CustomerId is null || invoice.CustomerId == CustomerId)
            && (Status is null || invoice.Status == Status)
            && (InvoiceDateFrom is null || invoice.InvoiceDate >= InvoiceDateFrom)
            && (InvoiceDateTo is null || invoice.InvoiceDate <= InvoiceDateTo)
            && (DueDateFrom is null || invoice.DueDate >= DueDateFrom)
            && (DueDateTo is null || invoice.DueDate <= DueDateTo)
            && (BillingGroupId is null || invoice.BillingGroupId == BillingGroupId);
    }

    /// <summary>Checks the paging values of a query.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Page"/> or <see cref="PageSize"/> is out of range.</exception>
    internal static void Validate(InvoiceQuery query)
    {
        if (query.Page < 1 || query.PageSize < 1 || query.PageSize > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"Page must be 1 or more and PageSize 1 to {MaxPageSize}; got page {query.Page} of size {query.PageSize}.");
        }
    }
}
