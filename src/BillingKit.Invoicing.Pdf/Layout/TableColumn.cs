namespace BillingKit.Invoicing.Pdf;

/// <summary>A column of the lines table: its header, its share of the table width and its alignment.</summary>
internal sealed record TableColumn(string Header, int Weight, bool RightAligned);
