namespace BillingKit.Invoicing.Pdf;

/// <summary>A table row with its cells wrapped and its height in points.</summary>
internal sealed record MeasuredRow(IReadOnlyList<MeasuredCell> Cells, int Height);
