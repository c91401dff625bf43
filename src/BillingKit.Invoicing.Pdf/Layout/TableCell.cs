namespace BillingKit.Invoicing.Pdf;

/// <summary>A table cell: its main text and an optional smaller detail line under it.</summary>
internal sealed record TableCell(string Text, string? Detail = null);
