namespace BillingKit.Ledger;

/// <summary>The sort orders of the payments list, shared by stores that sort in memory.</summary>
internal static class PaymentOrdering
{
    public static IEnumerable<PaymentRecord> Sort(IEnumerable<PaymentRecord> payments, PaymentSort sortBy, bool descending)
    {
        IOrderedEnumerable<PaymentRecord> ordered = sortBy switch
        {
            PaymentSort.Amount => By(payments, p => p.Amount.Currency, descending).ThenBy(p => p.Amount.MinorUnits, descending),
            PaymentSort.Customer => By(payments, p => p.Customer.Value, descending, StringComparer.Ordinal),
            PaymentSort.Status => By(payments, p => p.Status, descending),
            PaymentSort.PaymentDate => By(payments, p => p.PaymentDate is null ? 1 : 0, false).ThenBy(p => p.PaymentDate, descending),
            _ => By(payments, p => p.DueDate, descending),
        };
        return ordered.ThenBy(p => p.Id.Value, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<PaymentRecord> By<TKey>(IEnumerable<PaymentRecord> source, Func<PaymentRecord, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? source.OrderByDescending(key, comparer) : source.OrderBy(key, comparer);

    private static IOrderedEnumerable<PaymentRecord> ThenBy<TKey>(this IOrderedEnumerable<PaymentRecord> source, Func<PaymentRecord, TKey> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);
}
