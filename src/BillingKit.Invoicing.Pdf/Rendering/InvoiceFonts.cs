using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingKit.Invoicing.Pdf;

/// <summary>The fonts of the invoice layout. Unicode (Identity-H) encoding with a ToUnicode map, so any script the
/// bundled font covers prints, and text stays searchable and extractable.</summary>
internal sealed class InvoiceFonts
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public InvoiceFonts()
    {
        SellerName = Bold(14);
        Title = Bold(20);
        Status = Bold(11);
        Body = Regular(9);
        BodyBold = Bold(10);
        Label = Regular(8);
        SectionHeading = Bold(8);
        TableHeader = Bold(8);
        Cell = Regular(8);
        Detail = Regular(7);
        Total = Regular(9);
        TotalEmphasized = Bold(10);
        Footer = Regular(7);
        ContinuationHeading = Bold(10);
    }

    public XFont SellerName { get; }

    public XFont Title { get; }

    public XFont Status { get; }

    public XFont Body { get; }

    public XFont BodyBold { get; }

    public XFont Label { get; }

    public XFont SectionHeading { get; }

    public XFont TableHeader { get; }

    public XFont Cell { get; }

    public XFont Detail { get; }

    public XFont Total { get; }

    public XFont TotalEmphasized { get; }

    public XFont Footer { get; }

    public XFont ContinuationHeading { get; }

    private static XFont Regular(int size) => new(InvoiceFontResolver.FamilyName, size, XFontStyleEx.Regular, Unicode);

    private static XFont Bold(int size) => new(InvoiceFontResolver.FamilyName, size, XFontStyleEx.Bold, Unicode);
}
