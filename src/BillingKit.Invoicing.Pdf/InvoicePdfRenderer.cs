using System.Globalization;
using PdfSharp.License;
using PdfSharp.Pdf;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Renders invoices and consolidated group invoices to PDF: seller and buyer, number, invoice and due dates and terms,
/// purchase order, the lines (with the customer's name on consolidated lines) in a table whose header repeats on every
/// page, subtotal, tax, total, amounts paid and due, payment instructions, and "Page n of m" footers.
/// </summary>
/// <remarks>
/// <para>Output is deterministic: dates and identifiers come from the invoice, never from the clock, so the same
/// invoice renders to the same bytes and an archived PDF can be regenerated and compared.</para>
/// <para>Fonts are bundled (DejaVu Sans, see <see cref="InvoiceFontResolver"/>): nothing is read from the machine.
/// PDFsharp 6.5 requires the application to choose its licence once at start-up
/// (<c>PdfSharp.PdfSharpLicense.SetAgplLicense()</c> or <c>LoadLicense(key)</c>); this library does not choose it for you.</para>
/// <para>Thread-safe: instances hold only immutable settings, and each render builds its own document.</para>
/// </remarks>
public sealed class InvoicePdfRenderer : IInvoicePdfRenderer
{
    private readonly CultureInfo _culture;
    private readonly PageGeometry _page;
    private readonly bool _registerFontResolver;

    /// <summary>Creates a renderer with the default <see cref="InvoicePdfOptions"/> (en-US, A4).</summary>
    public InvoicePdfRenderer()
        : this(new InvoicePdfOptions())
    {
    }

    /// <summary>Creates a renderer with the given options.</summary>
    /// <param name="options">The options; read once, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (unknown culture, undefined paper size).</exception>
    public InvoicePdfRenderer(InvoicePdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new InvoicePdfOptionsValidator().Validate(name: null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        InvoicePdfOptionsValidator.TryGetCulture(options.CultureName, out _culture);
        _page = PageGeometry.For(options.PaperSize);
        _registerFontResolver = options.RegisterFontResolver;
    }

    /// <inheritdoc />
    public byte[] Render(Invoice invoice, SellerDetails seller)
    {
        var document = InvoiceDocumentBuilder.Build(invoice, seller, _culture);
        return Write(document);
    }

    /// <inheritdoc />
    public void Render(Invoice invoice, SellerDetails seller, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable; expected a stream the PDF can be written to.", nameof(destination));
        }

        destination.Write(Render(invoice, seller));
    }

    private byte[] Write(InvoiceDocument document)
    {
        if (_registerFontResolver)
        {
            FontRegistration.EnsureRegistered();
        }

        PdfDocument pdf;
        try
        {
            pdf = new PdfDocument();
        }
        catch (PdfSharpLicenseException exception)
        {
            throw new InvalidOperationException(
                "PDFsharp 6.5 needs the application to choose its licence before BillingKit can render invoices: call " +
                "PdfSharp.PdfSharpLicense.SetAgplLicense() (AGPL-3.0) or PdfSharp.PdfSharpLicense.LoadLicense(key) " +
                "(commercial) once at start-up.",
                exception);
        }

        using (pdf)
        {
            pdf.Options.CompressContentStreams = true;
            InvoiceFonts fonts;
            try
            {
                fonts = new InvoiceFonts();
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException(
                    $"PDFsharp could not resolve the invoice font '{InvoiceFontResolver.FamilyName}'. The process has its own " +
                    "PDFsharp font resolvers; make one of them return InvoiceFontResolver.Instance.ResolveTypeface(...) for that " +
                    "family, or leave GlobalFontSettings.FallbackFontResolver unset so BillingKit can install its own.",
                    exception);
            }

            new InvoicePdfWriter(document, _page, fonts).Draw(pdf);
            DeterministicPdf.Prepare(pdf, document.Metadata);
            using var buffer = new MemoryStream();
            pdf.Save(buffer);
            var bytes = buffer.ToArray();
            DeterministicPdf.ReplaceXmpIds(bytes, document.Metadata.DocumentId);
            return bytes;
        }
    }
}
