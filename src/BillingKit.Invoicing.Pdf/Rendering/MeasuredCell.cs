namespace BillingKit.Invoicing.Pdf;

/// <summary>A table cell broken into the lines that fit its column.</summary>
internal sealed record MeasuredCell(IReadOnlyList<string> Lines, IReadOnlyList<string> DetailLines);
