namespace BillingKit.Invoicing.Pdf;

/// <summary>How invoices are rendered to PDF. Registered by <c>AddInvoicePdf</c> and validated at start-up.</summary>
public sealed class InvoicePdfOptions
{
    /// <summary>Gets or sets the culture that formats amounts (<see cref="Money.ToDisplayString"/>), dates and
    /// quantities, as a .NET culture name.</summary>
    /// <value>Default <c>"en-US"</c>. Must name a culture known to the machine; the invariant culture (<c>""</c>) is
    /// allowed. Labels ("Invoice", "Bill to") are English whatever the culture.</value>
    public string CultureName { get; set; } = "en-US";

    /// <summary>Gets or sets the paper size.</summary>
    /// <value>Default <see cref="InvoicePaperSize.A4"/>.</value>
    public InvoicePaperSize PaperSize { get; set; } = InvoicePaperSize.A4;

    /// <summary>
    /// Gets or sets whether the renderer registers <see cref="InvoiceFontResolver"/> with PDFsharp's process-wide
    /// <c>GlobalFontSettings</c> before its first render.
    /// </summary>
    /// <value>
    /// Default <see langword="true"/>: the bundled resolver becomes PDFsharp's font resolver when the process has none,
    /// or its fallback resolver when the host installed its own resolver first (a host resolver keeps priority; it
    /// should return <see langword="null"/> for <see cref="InvoiceFontResolver.FamilyName"/> or forward it to
    /// <see cref="InvoiceFontResolver.Instance"/>). An existing resolver is never replaced. Set
    /// <see langword="false"/> when the host manages PDFsharp's fonts entirely; the host's resolver must then
    /// resolve <see cref="InvoiceFontResolver.FamilyName"/>.
    /// </value>
    public bool RegisterFontResolver { get; set; } = true;
}
