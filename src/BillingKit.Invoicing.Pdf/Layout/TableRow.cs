namespace BillingKit.Invoicing.Pdf;

/// <summary>One invoice line as table cells, in column order.</summary>
internal sealed record TableRow(IReadOnlyList<TableCell> Cells);
