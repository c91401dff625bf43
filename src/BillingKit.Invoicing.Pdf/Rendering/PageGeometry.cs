namespace BillingKit.Invoicing.Pdf;

/// <summary>Page size and the fixed layout grid, in whole points (1/72 inch).</summary>
internal sealed record PageGeometry(int Width, int Height)
{
    public const int Margin = 40;

    public static PageGeometry For(InvoicePaperSize size) => size switch
    {
        InvoicePaperSize.Letter => new PageGeometry(612, 792),
        _ => new PageGeometry(595, 842),
    };

    public static int Left => Margin;

    public int Right => Width - Margin;

    public int ContentWidth => Width - (2 * Margin);

    /// <summary>The lowest point content may reach; the footer sits below it.</summary>
    public int ContentBottom => Height - Margin - 12;

    public int FooterTop => Height - Margin + 6;

    /// <summary>Splits the content width over columns by weight; the last column takes the rounding remainder.</summary>
    public IReadOnlyList<int> ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var total = columns.Sum(column => column.Weight);
        var widths = columns.Select(column => ContentWidth * column.Weight / total).ToArray();
        widths[^1] += ContentWidth - widths.Sum();
        return widths;
    }
}
