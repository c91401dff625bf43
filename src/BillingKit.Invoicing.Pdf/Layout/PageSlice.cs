namespace BillingKit.Invoicing.Pdf;

/// <summary>One page of a paginated invoice: which table rows it shows and whether the closing block (totals,
/// payment instructions) follows them on this page.</summary>
/// <param name="FirstRow">The index of the first row on the page.</param>
/// <param name="RowCount">How many rows the page shows; 0 on a page that carries only the closing block.</param>
/// <param name="HasClosing">Whether the closing block is drawn on this page (true on the last page only).</param>
internal readonly record struct PageSlice(int FirstRow, int RowCount, bool HasClosing);
