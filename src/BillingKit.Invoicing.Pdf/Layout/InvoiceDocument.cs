namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Everything a rendered invoice prints, already formatted for one culture: the pure, testable half of rendering.
/// <see cref="InvoicePdfWriter"/> only places these strings on pages.
/// </summary>
internal sealed record InvoiceDocument(
    string Title,
    string? StatusLabel,
    IReadOnlyList<string> SellerLines,
    IReadOnlyList<string> BuyerLines,
    IReadOnlyList<LabeledValue> Facts,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<TotalLine> Totals,
    string? PaymentInstructions,
    string? Memo,
    string FooterText,
    string ContinuationTitle,
    DocumentMetadata Metadata);
