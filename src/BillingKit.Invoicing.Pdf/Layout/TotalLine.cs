namespace BillingKit.Invoicing.Pdf;

/// <summary>A line of the totals block.</summary>
internal sealed record TotalLine(string Label, string Value, bool Emphasized);
