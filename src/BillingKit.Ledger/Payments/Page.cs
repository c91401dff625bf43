namespace BillingKit.Ledger;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="PageNumber">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="TotalCount">The number of items on every page together.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    /// <summary>Gets the number of pages.</summary>
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    /// <summary>Gets whether a later page exists.</summary>
    public bool HasNextPage => PageNumber < PageCount;
}
