using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace BillingKit.Invoicing.Pdf.Tests;

public class InvoicePdfRendererTests
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    public InvoicePdfRendererTests() => PdfSharpTestLicense.Ensure();

    [Fact]
    public void Rendered_invoice_shows_number_dates_lines_totals_and_payment_instructions_as_text()
    {
        var invoice = SampleInvoices.Regular();

        var text = PdfText.All(new InvoicePdfRenderer().Render(invoice, SampleInvoices.Seller));

        Shows(text, "Invoice");
        Shows(text, "INV-2026-0042");
        Shows(text, "Acme Cloud Ltd");
        Shows(text, "Globex Corporation");
        Shows(text, "1/31/2026");
        Shows(text, "3/2/2026");
        Shows(text, "Net 30");
        Shows(text, "PO-77812");
        Shows(text, "Pro plan");
        Shows(text, "Additional seats");
        Shows(text, "1/1/2026 \u2013 1/31/2026");
        Shows(text, "$114.00");
        Shows(text, invoice.Subtotal.ToDisplayString(EnUs));
        Shows(text, invoice.TaxTotal.ToDisplayString(EnUs));
        Shows(text, invoice.Total.ToDisplayString(EnUs));
        Assert.Equal("$783.60", invoice.Total.ToDisplayString(EnUs));
        Shows(text, "$100.00");
        Shows(text, "$683.60");
        Shows(text, "Page 1 of 1");
        var joined = string.Join(" ", text);
        Assert.Contains("Onboarding workshop for the finance team, remote, two sessions", joined);
        Assert.Contains("IBAN IE29 AIBK 9311 5212 3456 78", joined);
    }

    [Fact]
    public void Amounts_are_right_aligned_in_their_columns()
    {
        var pdf = new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller);

        var positions = PdfText.Positions(pdf)[0];
        using var measure = XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        var cell = new InvoiceFonts().Cell;
        var taxes = new[] { "$17.80", "$22.80", "$90.00" }
            .Select(amount => (Start: positions.Single(p => p.Text == amount).X, Width: measure.MeasureString(amount, cell).Width))
            .ToList();
        var rightEdges = taxes.Select(a => a.Start + a.Width).ToList();
        Assert.All(rightEdges, edge => Assert.InRange(edge, rightEdges[0] - 0.5, rightEdges[0] + 0.5));
        var amount = positions.Single(p => p.Text == "$114.00");
        var amountEdge = amount.X + measure.MeasureString(amount.Text, cell).Width;
        Assert.InRange(amountEdge, 595 - 40 - 4 - 0.5, 595 - 40 - 4 + 0.5);
        var description = positions.Single(p => p.Text == "Pro plan").X;
        Assert.InRange(description, 40 + 4 - 0.5, 40 + 4 + 0.5);
    }

    [Fact]
    public void Consolidated_invoice_shows_each_subscription_line_with_its_customer_name()
    {
        var invoice = SampleInvoices.Group();

        var text = PdfText.All(new InvoicePdfRenderer().Render(invoice, SampleInvoices.Seller));

        Shows(text, "Consolidated invoice");
        Shows(text, "GRP-2026-0007");
        Shows(text, "Initech Holdings");
        Shows(text, "Customer");
        foreach (var line in invoice.Lines)
        {
            Shows(text, line.CustomerName!);
            Shows(text, line.Amount.ToDisplayString(EnUs));
        }

        Shows(text, invoice.Total.ToDisplayString(EnUs));
        Shows(text, "bgr_initech");
    }

    [Fact]
    public void The_same_invoice_renders_to_identical_bytes()
    {
        var first = new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller);
        var second = new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller);
        using var stream = new MemoryStream();
        new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller, stream);

        Assert.Equal(first, second);
        Assert.Equal(first, stream.ToArray());
    }

    [Fact]
    public void Group_and_long_invoices_also_render_identically_twice()
    {
        var renderer = new InvoicePdfRenderer();

        Assert.Equal(renderer.Render(SampleInvoices.Group(), SampleInvoices.Seller), renderer.Render(SampleInvoices.Group(), SampleInvoices.Seller));
        Assert.Equal(renderer.Render(SampleInvoices.Long(90), SampleInvoices.Seller), renderer.Render(SampleInvoices.Long(90), SampleInvoices.Seller));
    }

    [Fact]
    public void Renders_running_in_parallel_give_the_same_bytes()
    {
        var renderer = new InvoicePdfRenderer();
        var expected = renderer.Render(SampleInvoices.Group(), SampleInvoices.Seller);

        var results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = renderer.Render(SampleInvoices.Group(), SampleInvoices.Seller));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void Dates_and_identifiers_in_the_file_come_from_the_invoice()
    {
        var pdf = Encoding.Latin1.GetString(new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller));
        var id = InvoiceDocumentBuilder.DocumentId(SampleInvoices.Regular());

        Assert.Contains("/CreationDate(D:20260131093000Z)", pdf, StringComparison.Ordinal);
        Assert.Contains("/ModDate(D:20260131093000Z)", pdf, StringComparison.Ordinal);
        Assert.Contains("<xmpMM:DocumentID>uuid:" + id.ToString("D") + "</xmpMM:DocumentID>", pdf, StringComparison.Ordinal);
        Assert.Contains("<xmpMM:InstanceID>uuid:" + id.ToString("D") + "</xmpMM:InstanceID>", pdf, StringComparison.Ordinal);
        var hexId = Convert.ToHexString(id.ToByteArray());
        Assert.Contains($"/ID[<{hexId}><{hexId}>]", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_invoice_renders_differently()
    {
        var renderer = new InvoicePdfRenderer();

        Assert.NotEqual(
            renderer.Render(SampleInvoices.Regular("INV-2026-0042"), SampleInvoices.Seller),
            renderer.Render(SampleInvoices.Regular("INV-2026-0043"), SampleInvoices.Seller));
    }

    [Fact]
    public void Bundled_fonts_are_embedded_under_stable_subset_names()
    {
        var pdf = Encoding.Latin1.GetString(new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller));

        Assert.Contains("/FontFile2", pdf, StringComparison.Ordinal);
        Assert.Contains("/BaseFont/" + DeterministicPdf.SubsetTag("DejaVu Sans") + "+DejaVu#20Sans", pdf, StringComparison.Ordinal);
        Assert.Contains("/BaseFont/" + DeterministicPdf.SubsetTag("DejaVu Sans,Bold") + "+DejaVu#20Sans,Bold", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_invoice_breaks_into_numbered_pages_that_repeat_the_table_header()
    {
        var invoice = SampleInvoices.Long(90);

        var pages = PdfText.Pages(new InvoicePdfRenderer().Render(invoice, SampleInvoices.Seller));

        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        for (var i = 0; i < pages.Count; i++)
        {
            Shows(pages[i], $"Page {i + 1} of {pages.Count}");
            if (i > 0)
            {
                Shows(pages[i], "Invoice INV-2026-0099 (continued)");
            }
        }

        var pagesWithRows = pages.Where(page => page.Any(f => f.StartsWith("Usage line", StringComparison.Ordinal))).ToList();
        Assert.All(pagesWithRows, page => Shows(page, "Description"));
        Assert.All(pagesWithRows, page => Shows(page, "Amount"));
        var shown = pages.SelectMany(page => page)
            .Where(f => f.StartsWith("Usage line", StringComparison.Ordinal))
            .Select(f => f.Substring(11, 3))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 90).Select(i => i.ToString("000", CultureInfo.InvariantCulture)).ToList(), shown);
        Shows(pages[^1], invoice.Total.ToDisplayString(EnUs));
        Assert.DoesNotContain(pages[0], fragment => string.Equals(fragment, invoice.Total.ToDisplayString(EnUs), StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_renders_as_a_draft_without_a_number()
    {
        var text = PdfText.All(new InvoicePdfRenderer().Render(SampleInvoices.Draft(), SampleInvoices.Seller));

        Shows(text, "Draft invoice");
        Shows(text, "DRAFT");
        Shows(text, "Assigned when finalized");
    }

    [Fact]
    public void Letter_paper_and_another_culture_are_honoured()
    {
        var renderer = new InvoicePdfRenderer(new InvoicePdfOptions { CultureName = "de-DE", PaperSize = InvoicePaperSize.Letter });
        var invoice = SampleInvoices.Regular();

        var pdf = renderer.Render(invoice, SampleInvoices.Seller);

        var text = PdfText.All(pdf);
        Shows(text, invoice.Total.ToDisplayString(CultureInfo.GetCultureInfo("de-DE")));
        Shows(text, "31.01.2026");
        Assert.Contains("/MediaBox[0 0 612 792]", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_other_scripts_print_with_the_bundled_font()
    {
        var request = new NewInvoice(
            CustomerId.From("cus_romashka"),
            new InvoiceParty("ООО «Ромашка»"),
            Currency.EUR,
            new NodaTime.LocalDate(2026, 1, 31),
            PaymentTerms.Net14)
        {
            Lines = [InvoiceLine.Create("Συνδρομή Pro – Ωmega", Money.FromMajor(49m, Currency.EUR), 1m, 0.24m)],
        };
        var invoice = Invoice.CreateDraft(InvoiceId.From("inv_ru"), SampleInvoices.Tenant, request, SampleInvoices.Drafted)
            .FinalizeAs("INV-2026-0100", SampleInvoices.Finalized);

        var text = PdfText.All(new InvoicePdfRenderer(new InvoicePdfOptions { CultureName = "de-DE" }).Render(invoice, SampleInvoices.Seller));

        Shows(text, "ООО «Ромашка»");
        Shows(text, "Συνδρομή Pro – Ωmega");
        Shows(text, invoice.Total.ToDisplayString(CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void A_void_invoice_is_labelled_void_and_shows_no_amount_due()
    {
        var invoice = SampleInvoices.Group().MarkVoid(SampleInvoices.PaidPartly);

        var text = PdfText.All(new InvoicePdfRenderer().Render(invoice, SampleInvoices.Seller));

        Shows(text, "VOID");
        Shows(text, invoice.Total.ToDisplayString(EnUs));
        Assert.DoesNotContain(text, fragment => string.Equals(fragment, "Amount due", StringComparison.Ordinal));
    }

    [Fact]
    public void A_seller_without_a_name_is_refused()
    {
        var renderer = new InvoicePdfRenderer();

        Assert.Throws<ArgumentException>(() => renderer.Render(SampleInvoices.Regular(), SampleInvoices.Seller with { Name = " " }));
        Assert.Throws<ArgumentNullException>(() => renderer.Render(null!, SampleInvoices.Seller));
        Assert.Throws<ArgumentNullException>(() => renderer.Render(SampleInvoices.Regular(), null!));
    }

    [Fact]
    public void A_read_only_destination_stream_is_refused()
    {
        using var readOnly = new MemoryStream([], writable: false);

        var error = Assert.Throws<ArgumentException>(() => new InvoicePdfRenderer().Render(SampleInvoices.Regular(), SampleInvoices.Seller, readOnly));
        Assert.Contains("not writable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused_with_what_was_expected()
    {
        var culture = Assert.Throws<ArgumentException>(() => new InvoicePdfRenderer(new InvoicePdfOptions { CultureName = "xx-NOPE" }));
        Assert.Contains("xx-NOPE", culture.Message, StringComparison.Ordinal);
        var paper = Assert.Throws<ArgumentException>(() => new InvoicePdfRenderer(new InvoicePdfOptions { PaperSize = (InvoicePaperSize)9 }));
        Assert.Contains("InvoicePaperSize.A4", paper.Message, StringComparison.Ordinal);
    }

    private static void Shows(IReadOnlyList<string> fragments, string expected) =>
        Assert.True(
            fragments.Contains(expected, StringComparer.Ordinal),
            $"Expected the text \"{expected}\" to be shown; the PDF shows: {string.Join(" | ", fragments)}");
}
