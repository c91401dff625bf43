namespace BillingKit.Invoicing;

/// <summary>One page of invoice search results.</summary>
/// <param name="Items">The invoices on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="TotalCount">How many invoices match in all.</param>
public sealed record InvoicePage(IReadOnlyList<Invoice> Items, int Page, int PageSize, int TotalCount)
{
    /// <summary>Gets whether later pages hold more matches.</summary>
    public bool HasMore => (long)Page * PageSize < TotalCount;
}
