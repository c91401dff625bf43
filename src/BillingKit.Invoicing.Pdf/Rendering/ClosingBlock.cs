namespace BillingKit.Invoicing.Pdf;

/// <summary>The block after the last table row: wrapped payment instructions and notes beside the totals.</summary>
internal sealed record ClosingBlock(IReadOnlyList<(string Heading, IReadOnlyList<string> Lines)> Sections, int TextWidth, int Height);
