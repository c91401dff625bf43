namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Splits table rows over pages. Pure integer arithmetic over heights in points, so it can be checked exhaustively.
/// </summary>
internal static class Paginator
{
    /// <summary>
    /// Places rows in order: each page takes rows while they fit its space; a row taller than a whole page still gets a
    /// page of its own (and is clipped) so pagination always progresses. The closing block goes after the last row
    /// when it fits there, otherwise on one more page of its own.
    /// </summary>
    /// <param name="rowHeights">The height of each row.</param>
    /// <param name="firstPageSpace">The space for rows on the first page (below the invoice header).</param>
    /// <param name="laterPageSpace">The space for rows on a continuation page.</param>
    /// <param name="closingHeight">The height of the closing block.</param>
    /// <returns>The pages, at least one; exactly the last has <see cref="PageSlice.HasClosing"/>.</returns>
    public static IReadOnlyList<PageSlice> Paginate(IReadOnlyList<int> rowHeights, int firstPageSpace, int laterPageSpace, int closingHeight)
    {
        ArgumentNullException.ThrowIfNull(rowHeights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstPageSpace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laterPageSpace);
        ArgumentOutOfRangeException.ThrowIfNegative(closingHeight);

        var pages = new List<PageSlice>();
        var first = 0;
        var count = 0;
        var used = 0;
        var space = firstPageSpace;
        for (var row = 0; row < rowHeights.Count; row++)
        {
            var height = rowHeights[row];
            ArgumentOutOfRangeException.ThrowIfNegative(height, nameof(rowHeights));
            if (count > 0 && used + height > space)
            {
                pages.Add(new PageSlice(first, count, HasClosing: false));
                first = row;
                count = 0;
                used = 0;
                space = laterPageSpace;
            }

            count++;
            used += height;
        }

        if (used + closingHeight <= space || (count == 0 && pages.Count == 0))
        {
            pages.Add(new PageSlice(first, count, HasClosing: true));
        }
        else
        {
            pages.Add(new PageSlice(first, count, HasClosing: false));
            pages.Add(new PageSlice(rowHeights.Count, 0, HasClosing: true));
        }

        return pages;
    }
}
