using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Places an <see cref="InvoiceDocument"/> on PDF pages: header with seller, buyer and facts on the first page, a
/// short header on continuation pages, the lines table with its header repeated on every page, the totals and
/// payment instructions after the last line, and "Page n of m" in every footer. All positions are whole points.
/// </summary>
internal sealed class InvoicePdfWriter
{
    private const int CellPadding = 4;
    private const int RowPaddingTop = 5;
    private const int RowPaddingBottom = 5;
    private const int CellLine = 10;
    private const int DetailLine = 9;
    private const int TableHeaderHeight = 18;
    private const int BodyLine = 12;
    private const int FactLine = 14;
    private const int FactsWidth = 230;
    private const int TotalsWidth = 230;
    private const int TotalLine = 16;
    private const int ClosingGap = 14;
    private const int ContinuationHeaderHeight = 30;

    private static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    private static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    private static readonly XColor Rule = XColor.FromArgb(206, 212, 218);
    private static readonly XColor HeaderFill = XColor.FromArgb(241, 243, 245);
    private static readonly XColor Accent = XColor.FromArgb(25, 113, 194);

    private readonly InvoiceDocument _document;
    private readonly PageGeometry _page;
    private readonly InvoiceFonts _fonts;
    private readonly IReadOnlyList<int> _columnWidths;
    private readonly XBrush _ink = new XSolidBrush(Ink);
    private readonly XBrush _muted = new XSolidBrush(Muted);
    private readonly XBrush _accent = new XSolidBrush(Accent);
    private readonly XBrush _headerFill = new XSolidBrush(HeaderFill);
    private readonly XPen _rule = new(Rule, 0.6);
    private readonly XPen _strongRule = new(Ink, 0.8);

    public InvoicePdfWriter(InvoiceDocument document, PageGeometry page, InvoiceFonts fonts)
    {
        _document = document;
        _page = page;
        _fonts = fonts;
        _columnWidths = page.ColumnWidths(document.Columns);
    }

    /// <summary>Lays out and draws every page into <paramref name="pdf"/>.</summary>
    public void Draw(PdfDocument pdf)
    {
        using var measure = XGraphics.CreateMeasureContext(new XSize(_page.Width, _page.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
        var rows = _document.Rows.Select(row => MeasureRow(measure, row)).ToList();
        var tableTop = PageGeometry.Margin + FirstPageHeaderHeight();
        var firstSpace = _page.ContentBottom - tableTop - TableHeaderHeight;
        var laterSpace = _page.ContentBottom - (PageGeometry.Margin + ContinuationHeaderHeight) - TableHeaderHeight;
        var closing = MeasureClosing(measure);
        var slices = Paginator.Paginate(rows.Select(row => row.Height).ToList(), firstSpace, laterSpace, closing.Height);

        for (var index = 0; index < slices.Count; index++)
        {
            var slice = slices[index];
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(_page.Width);
            page.Height = XUnit.FromPoint(_page.Height);
            using var g = XGraphics.FromPdfPage(page);
            var y = index == 0 ? DrawFirstPageHeader(g) : DrawContinuationHeader(g);
            if (slice.RowCount > 0 || index == 0)
            {
                y = DrawTableHeader(g, y);
                for (var row = slice.FirstRow; row < slice.FirstRow + slice.RowCount; row++)
                {
                    y = DrawRow(g, rows[row], y);
                }
            }

            if (slice.HasClosing)
            {
                DrawClosing(g, closing, y);
            }

            DrawFooter(g, index + 1, slices.Count);
        }
    }

    /// <summary>The height <see cref="DrawFirstPageHeader"/> takes, so pagination knows it before drawing.</summary>
    private int FirstPageHeaderHeight()
    {
        var left = SellerBlockHeight() + 16 + BuyerBlockHeight();
        var right = TitleBlockHeight() + (_document.Facts.Count * FactLine);
        return Math.Max(left, right) + 18;
    }

    private int SellerBlockHeight() => 18 + ((_document.SellerLines.Count - 1) * BodyLine);

    private int BuyerBlockHeight() => 12 + 14 + ((_document.BuyerLines.Count - 1) * BodyLine);

    private int TitleBlockHeight() => 28 + (_document.StatusLabel is null ? 0 : 18) + 6;

    private int DrawFirstPageHeader(XGraphics g)
    {
        var top = PageGeometry.Margin;
        var leftWidth = _page.ContentWidth - FactsWidth - 20;

        // Seller, top left.
        var y = top;
        Text(g, _document.SellerLines[0], _fonts.SellerName, _ink, PageGeometry.Left, y, leftWidth);
        y += 18;
        foreach (var line in _document.SellerLines.Skip(1))
        {
            Text(g, line, _fonts.Body, _muted, PageGeometry.Left, y, leftWidth);
            y += BodyLine;
        }

        // Buyer, below the seller.
        y += 16;
        Text(g, "BILL TO", _fonts.SectionHeading, _muted, PageGeometry.Left, y, leftWidth);
        y += 12;
        Text(g, _document.BuyerLines[0], _fonts.BodyBold, _ink, PageGeometry.Left, y, leftWidth);
        y += 14;
        foreach (var line in _document.BuyerLines.Skip(1))
        {
            Text(g, line, _fonts.Body, _ink, PageGeometry.Left, y, leftWidth);
            y += BodyLine;
        }

        // Title, status and facts, top right.
        var factsLeft = _page.Right - FactsWidth;
        var right = top;
        TextRight(g, _document.Title, _fonts.Title, _ink, factsLeft, right, FactsWidth);
        right += 28;
        if (_document.StatusLabel is { } status)
        {
            TextRight(g, status, _fonts.Status, _accent, factsLeft, right, FactsWidth);
            right += 18;
        }

        right += 6;
        foreach (var fact in _document.Facts)
        {
            Text(g, fact.Label, _fonts.Label, _muted, factsLeft, right + 1, 100);
            TextRight(g, fact.Value, _fonts.Body, _ink, factsLeft + 100, right, FactsWidth - 100);
            right += FactLine;
        }

        return Math.Max(y, right) + 18;
    }

    private int DrawContinuationHeader(XGraphics g)
    {
        var top = PageGeometry.Margin;
        var half = _page.ContentWidth / 2;
        Text(g, _document.SellerLines[0], _fonts.ContinuationHeading, _ink, PageGeometry.Left, top, half);
        TextRight(g, _document.ContinuationTitle, _fonts.ContinuationHeading, _ink, PageGeometry.Left + half, top, _page.ContentWidth - half);
        g.DrawLine(_rule, PageGeometry.Left, top + 18, _page.Right, top + 18);
        return top + ContinuationHeaderHeight;
    }

    private int DrawTableHeader(XGraphics g, int y)
    {
        g.DrawRectangle(_headerFill, PageGeometry.Left, y, _page.ContentWidth, TableHeaderHeight);
        var x = PageGeometry.Left;
        for (var i = 0; i < _document.Columns.Count; i++)
        {
            var column = _document.Columns[i];
            var width = _columnWidths[i];
            if (column.RightAligned)
            {
                TextRight(g, column.Header, _fonts.TableHeader, _ink, x + CellPadding, y + 5, width - (2 * CellPadding));
            }
            else
            {
                Text(g, column.Header, _fonts.TableHeader, _ink, x + CellPadding, y + 5, width - (2 * CellPadding));
            }

            x += width;
        }

        g.DrawLine(_strongRule, PageGeometry.Left, y + TableHeaderHeight, _page.Right, y + TableHeaderHeight);
        return y + TableHeaderHeight;
    }

    private MeasuredRow MeasureRow(XGraphics measure, TableRow row)
    {
        var cells = new List<MeasuredCell>(row.Cells.Count);
        var content = 0;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var width = _columnWidths[i] - (2 * CellPadding);
            var cell = row.Cells[i];
            var lines = TextWrapper.Wrap(cell.Text, candidate => measure.MeasureString(candidate, _fonts.Cell).Width <= width);
            var details = cell.Detail is null
                ? []
                : TextWrapper.Wrap(cell.Detail, candidate => measure.MeasureString(candidate, _fonts.Detail).Width <= width);
            cells.Add(new MeasuredCell(lines, details));
            content = Math.Max(content, (lines.Count * CellLine) + (details.Count * DetailLine));
        }

        return new MeasuredRow(cells, RowPaddingTop + content + RowPaddingBottom);
    }

    private int DrawRow(XGraphics g, MeasuredRow row, int y)
    {
        var x = PageGeometry.Left;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var cell = row.Cells[i];
            var width = _columnWidths[i] - (2 * CellPadding);
            var rightAligned = _document.Columns[i].RightAligned;
            var lineTop = y + RowPaddingTop;
            foreach (var line in cell.Lines)
            {
                Place(g, line, _fonts.Cell, _ink, x + CellPadding, lineTop, width, rightAligned);
                lineTop += CellLine;
            }

            foreach (var line in cell.DetailLines)
            {
                Place(g, line, _fonts.Detail, _muted, x + CellPadding, lineTop, width, rightAligned);
                lineTop += DetailLine;
            }

            x += _columnWidths[i];
        }

        var bottom = y + row.Height;
        g.DrawLine(_rule, PageGeometry.Left, bottom, _page.Right, bottom);
        return bottom;
    }

    private ClosingBlock MeasureClosing(XGraphics measure)
    {
        var textWidth = _page.ContentWidth - TotalsWidth - 24;
        var sections = new List<(string Heading, IReadOnlyList<string> Lines)>();
        if (_document.PaymentInstructions is { } instructions)
        {
            sections.Add(("PAYMENT INSTRUCTIONS", TextWrapper.Wrap(instructions, candidate => measure.MeasureString(candidate, _fonts.Body).Width <= textWidth)));
        }

        if (_document.Memo is { } memo)
        {
            sections.Add(("NOTES", TextWrapper.Wrap(memo, candidate => measure.MeasureString(candidate, _fonts.Body).Width <= textWidth)));
        }

        var textHeight = sections.Sum(section => 14 + (section.Lines.Count * BodyLine) + 10);
        var totalsHeight = (_document.Totals.Count * TotalLine) + 4;
        return new ClosingBlock(sections, textWidth, ClosingGap + Math.Max(textHeight, totalsHeight));
    }

    private void DrawClosing(XGraphics g, ClosingBlock closing, int top)
    {
        var y = top + ClosingGap;
        foreach (var (heading, lines) in closing.Sections)
        {
            Text(g, heading, _fonts.SectionHeading, _muted, PageGeometry.Left, y, closing.TextWidth);
            y += 14;
            foreach (var line in lines)
            {
                Text(g, line, _fonts.Body, _ink, PageGeometry.Left, y, closing.TextWidth);
                y += BodyLine;
            }

            y += 10;
        }

        var left = _page.Right - TotalsWidth;
        var totalsY = top + ClosingGap;
        foreach (var total in _document.Totals)
        {
            if (total.Emphasized)
            {
                g.DrawLine(_rule, left, totalsY - 3, _page.Right, totalsY - 3);
            }

            var font = total.Emphasized ? _fonts.TotalEmphasized : _fonts.Total;
            Text(g, total.Label, font, total.Emphasized ? _ink : _muted, left, totalsY, TotalsWidth / 2);
            TextRight(g, total.Value, font, _ink, left + (TotalsWidth / 2), totalsY, TotalsWidth / 2);
            totalsY += TotalLine;
        }
    }

    private void DrawFooter(XGraphics g, int pageNumber, int pageCount)
    {
        var top = _page.FooterTop;
        var half = _page.ContentWidth / 2;
        g.DrawLine(_rule, PageGeometry.Left, top - 5, _page.Right, top - 5);
        Text(g, _document.FooterText, _fonts.Footer, _muted, PageGeometry.Left, top, _page.ContentWidth - 80);
        var pages = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Page {pageNumber} of {pageCount}");
        TextRight(g, pages, _fonts.Footer, _muted, PageGeometry.Left + half, top, _page.ContentWidth - half);
    }

    private static void Place(XGraphics g, string text, XFont font, XBrush brush, int x, int y, int width, bool rightAligned)
    {
        if (rightAligned)
        {
            TextRight(g, text, font, brush, x, y, width);
        }
        else
        {
            Text(g, text, font, brush, x, y, width);
        }
    }

    private static void Text(XGraphics g, string text, XFont font, XBrush brush, int x, int y, int width)
    {
        if (text.Length > 0)
        {
            g.DrawString(text, font, brush, new XRect(x, y, width, font.Height), XStringFormats.TopLeft);
        }
    }

    private static void TextRight(XGraphics g, string text, XFont font, XBrush brush, int x, int y, int width)
    {
        if (text.Length > 0)
        {
            g.DrawString(text, font, brush, new XRect(x, y, width, font.Height), XStringFormats.TopRight);
        }
    }
}
