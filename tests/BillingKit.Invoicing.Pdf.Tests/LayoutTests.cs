using System.Globalization;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Invoicing.Pdf.Tests;

public class PaginatorTests
{
    private static readonly Gen<(int[] Rows, int First, int Later, int Closing)> Layouts =
        from rows in Gen.Choose(0, 120).SelectMany(count => Gen.ArrayOf(Gen.Choose(10, 90), count))
        from first in Gen.Choose(50, 700)
        from later in Gen.Choose(50, 760)
        from closing in Gen.Choose(0, 400)
        select (rows, first, later, closing);

    [Fact]
    public void Every_row_appears_once_in_order_and_pages_never_overflow_except_for_a_lone_oversized_row() =>
        PropertyTest.Check(Prop.ForAll(Layouts.ToArbitrary(), layout =>
        {
            var (rows, first, later, closing) = layout;
            var pages = Paginator.Paginate(rows, first, later, closing);

            var next = 0;
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                if (page.FirstRow != next)
                {
                    return false;
                }

                next += page.RowCount;
                var space = i == 0 ? first : later;
                var used = rows.Skip(page.FirstRow).Take(page.RowCount).Sum();
                if (used > space && page.RowCount > 1)
                {
                    return false;
                }

                if (page.HasClosing != (i == pages.Count - 1))
                {
                    return false;
                }

                if (page.HasClosing && page.RowCount > 0 && used + closing > space)
                {
                    return false;
                }

                if (i > 0 && page.RowCount == 0 && !page.HasClosing)
                {
                    return false;
                }
            }

            return next == rows.Length;
        }));

    [Fact]
    public void Rows_fill_a_page_before_moving_to_the_next() =>
        PropertyTest.Check(Prop.ForAll(Layouts.ToArbitrary(), layout =>
        {
            var (rows, first, later, closing) = layout;
            var pages = Paginator.Paginate(rows, first, later, closing);
            for (var i = 0; i < pages.Count - 1; i++)
            {
                var page = pages[i];
                var nextRow = page.FirstRow + page.RowCount;
                if (page.RowCount == 0 || nextRow >= rows.Length)
                {
                    continue;
                }

                var used = rows.Skip(page.FirstRow).Take(page.RowCount).Sum();
                if (used + rows[nextRow] <= (i == 0 ? first : later))
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Totals_that_do_not_fit_under_the_last_rows_get_a_page_of_their_own()
    {
        var pages = Paginator.Paginate([100, 100, 100], firstPageSpace: 320, laterPageSpace: 700, closingHeight: 50);

        Assert.Equal([new PageSlice(0, 3, HasClosing: false), new PageSlice(3, 0, HasClosing: true)], pages);
    }

    [Fact]
    public void An_invoice_without_lines_is_one_page_with_its_totals()
    {
        Assert.Equal([new PageSlice(0, 0, HasClosing: true)], Paginator.Paginate([], 100, 100, 500));
    }
}

public class TextWrapperTests
{
    private static readonly Gen<string> Words =
        Gen.Elements("a", "invoice", "subscription", "Ω", "2026-01-01", "supercalifragilisticexpialidocious", "x")
            .ListOf()
            .Select(words => string.Join(' ', words));

    [Fact]
    public void Wrapped_lines_fit_and_keep_every_character_in_order() =>
        PropertyTest.Check(Prop.ForAll(Words.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (text, width) =>
        {
            var lines = TextWrapper.Wrap(text, candidate => candidate.Length <= width);

            var everyLineFits = lines.All(line => line.Length <= width || line.Length == 1);
            var sameCharacters = string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal)
                == text.Replace(" ", string.Empty, StringComparison.Ordinal);
            return everyLineFits && sameCharacters && lines.Count >= 1;
        }));

    [Fact]
    public void Words_move_to_the_next_line_whole_when_they_fit_there()
    {
        var lines = TextWrapper.Wrap("Onboarding workshop for the finance team", candidate => candidate.Length <= 20);

        Assert.Equal(["Onboarding workshop", "for the finance team"], lines);
    }

    [Fact]
    public void A_word_longer_than_the_column_is_cut()
    {
        Assert.Equal(["abcd", "efgh", "ij"], TextWrapper.Wrap("abcdefghij", candidate => candidate.Length <= 4));
    }
}

public class InvoiceDocumentBuilderTests
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void A_period_prints_its_last_day_because_the_end_is_exclusive()
    {
        var period = new BillingPeriod(new LocalDate(2026, 2, 1), new LocalDate(2026, 3, 1));

        Assert.Equal("2/1/2026 \u2013 2/28/2026", InvoiceDocumentBuilder.FormatPeriod(period, EnUs));
    }

    [Fact]
    public void Quantities_and_tax_rates_print_without_trailing_zeros()
    {
        Assert.Equal("1,000", InvoiceDocumentBuilder.FormatQuantity(1000.000m, EnUs));
        Assert.Equal("2.5", InvoiceDocumentBuilder.FormatQuantity(2.50m, EnUs));
        Assert.Equal("8.25%", InvoiceDocumentBuilder.FormatTaxRate(0.0825m, EnUs));
        Assert.Equal("20%", InvoiceDocumentBuilder.FormatTaxRate(0.200m, EnUs));
    }

    [Fact]
    public void Regular_invoice_has_no_customer_column_and_a_group_invoice_has_one_per_line()
    {
        var regular = InvoiceDocumentBuilder.Build(SampleInvoices.Regular(), SampleInvoices.Seller, EnUs);
        var group = InvoiceDocumentBuilder.Build(SampleInvoices.Group(), SampleInvoices.Seller, EnUs);

        Assert.DoesNotContain(regular.Columns, column => column.Header == "Customer");
        Assert.Equal("Customer", group.Columns[0].Header);
        Assert.Equal(["Initech Austin", "Initech Dallas", "Initrode"], group.Rows.Select(row => row.Cells[0].Text).ToList());
        Assert.All(group.Rows, row => Assert.Equal(group.Columns.Count, row.Cells.Count));
    }

    [Fact]
    public void Facts_carry_number_dates_terms_and_purchase_order()
    {
        var document = InvoiceDocumentBuilder.Build(SampleInvoices.Regular(), SampleInvoices.Seller, EnUs);

        Assert.Equal(
            [
                new LabeledValue("Invoice number", "INV-2026-0042"),
                new LabeledValue("Invoice date", "1/31/2026"),
                new LabeledValue("Due date", "3/2/2026"),
                new LabeledValue("Terms", "Net 30"),
                new LabeledValue("Purchase order", "PO-77812"),
                new LabeledValue("Currency", "USD"),
            ],
            document.Facts);
    }

    [Fact]
    public void Totals_show_paid_and_due_and_the_invoice_payment_instructions_win_over_the_sellers()
    {
        var invoice = SampleInvoices.Regular();
        var document = InvoiceDocumentBuilder.Build(invoice, SampleInvoices.Seller, EnUs);

        Assert.Equal(
            ["Subtotal", "Tax", "Total", "Amount paid", "Amount due"],
            document.Totals.Select(total => total.Label).ToList());
        Assert.Equal(invoice.AmountRemaining.ToDisplayString(EnUs), document.Totals[^1].Value);
        Assert.Equal(SampleInvoices.Seller.PaymentInstructions, document.PaymentInstructions);
        var manual = InvoiceDocumentBuilder.Build(invoice, SampleInvoices.Seller with { PaymentInstructions = null }, EnUs);
        Assert.Null(manual.PaymentInstructions);
    }

    [Fact]
    public void Metadata_comes_from_the_invoice_and_not_the_clock()
    {
        var document = InvoiceDocumentBuilder.Build(SampleInvoices.Regular(), SampleInvoices.Seller, EnUs);

        Assert.Equal("D:20260131093000Z", document.Metadata.CreationDate);
        Assert.Equal(InvoiceDocumentBuilder.DocumentId(SampleInvoices.Regular()), document.Metadata.DocumentId);
        Assert.NotEqual(InvoiceDocumentBuilder.DocumentId(SampleInvoices.Group()), document.Metadata.DocumentId);
        Assert.Equal("Invoice INV-2026-0042", document.Metadata.Title);
    }
}
