namespace BillingKit.Operations;

/// <summary>An immutable copy of the credit authority options, read by the pure decisions.</summary>
internal sealed class CreditAuthorityTable(
    IReadOnlyDictionary<BillingRole, IReadOnlyDictionary<Currency, Money>> limits,
    IReadOnlySet<BillingRole> unlimited)
{
    /// <summary>Gets a role's limit in a currency; <see langword="null"/> when the role is unlimited.</summary>
    public Money? LimitOf(BillingRole role, Currency currency)
    {
        if (unlimited.Contains(role))
        {
            return null;
        }

        return limits.TryGetValue(role, out var byCurrency) && byCurrency.TryGetValue(currency, out var limit)
            ? limit
            : Money.Zero(currency);
    }

    /// <summary>Tells whether a role may grant an amount on its own.</summary>
    public bool Covers(BillingRole role, Money amount) => LimitOf(role, amount.Currency) is not { } limit || amount <= limit;
}
