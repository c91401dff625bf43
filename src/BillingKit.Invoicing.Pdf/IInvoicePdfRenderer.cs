namespace BillingKit.Invoicing.Pdf;

/// <summary>Renders invoices to PDF. Registered by <c>AddInvoicePdf</c>; implemented by <see cref="InvoicePdfRenderer"/>.</summary>
public interface IInvoicePdfRenderer
{
    /// <summary>Renders an invoice (regular or consolidated group invoice) to PDF bytes.</summary>
    /// <param name="invoice">The invoice. Drafts render titled "Draft invoice", without a number.</param>
    /// <param name="seller">The issuing business.</param>
    /// <returns>The PDF. The same invoice, seller and options always give the same bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="seller"/> is null.</exception>
    /// <exception cref="ArgumentException">The seller's name is empty.</exception>
    /// <exception cref="InvalidOperationException">PDFsharp has no licence loaded, or its font resolvers cannot
    /// resolve the invoice font (see <see cref="InvoicePdfOptions.RegisterFontResolver"/>).</exception>
    byte[] Render(Invoice invoice, SellerDetails seller);

    /// <summary>Renders an invoice to PDF and writes it to a stream.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="seller">The issuing business.</param>
    /// <param name="destination">A writable stream; the PDF is written at its current position and it is left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The seller's name is empty, or <paramref name="destination"/> is not writable.</exception>
    /// <exception cref="InvalidOperationException">PDFsharp has no licence loaded, or the invoice font cannot be resolved.</exception>
    void Render(Invoice invoice, SellerDetails seller, Stream destination);
}
