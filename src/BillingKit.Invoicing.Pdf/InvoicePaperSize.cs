namespace BillingKit.Invoicing.Pdf;

/// <summary>The paper size of rendered invoices.</summary>
public enum InvoicePaperSize
{
    /// <summary>ISO A4, 210 x 297 mm (595 x 842 points). The default.</summary>
    A4 = 0,

    /// <summary>US Letter, 8.5 x 11 inches (612 x 792 points).</summary>
    Letter = 1,
}
