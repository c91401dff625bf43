namespace BillingKit.Ledger;

/// <summary>One account of a tenant's books: a kind, and for <see cref="LedgerAccountKind.Cash"/> the provider that holds the money.</summary>
/// <remarks><c>default(LedgerAccount)</c> is <see cref="Receivable"/>.</remarks>
public readonly record struct LedgerAccount
{
    private LedgerAccount(LedgerAccountKind kind, ProviderName provider)
    {
        Kind = kind;
        Provider = provider;
    }

    /// <summary>Gets the receivable account: what the tenant owes.</summary>
    public static LedgerAccount Receivable { get; } = new(LedgerAccountKind.Receivable, default);

    /// <summary>Gets the credit-balance account: what we owe the tenant.</summary>
    public static LedgerAccount CreditBalance { get; } = new(LedgerAccountKind.CreditBalance, default);

    /// <summary>Gets the revenue account.</summary>
    public static LedgerAccount Revenue { get; } = new(LedgerAccountKind.Revenue, default);

    /// <summary>Gets the refunds account.</summary>
    public static LedgerAccount Refunds { get; } = new(LedgerAccountKind.Refunds, default);

    /// <summary>Gets the disputes (charge-backs) account.</summary>
    public static LedgerAccount Disputes { get; } = new(LedgerAccountKind.Disputes, default);

    /// <summary>Gets the adjustments account (goodwill, promotional credits, manual adjustments).</summary>
    public static LedgerAccount Adjustments { get; } = new(LedgerAccountKind.Adjustments, default);

    /// <summary>Gets the kind of account.</summary>
    public LedgerAccountKind Kind { get; }

    /// <summary>Gets the provider of a cash account; <c>default</c> for every other kind.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the side on which the account grows: credit for the credit balance and revenue, debit otherwise.</summary>
    public PostingSide NormalSide => Kind is LedgerAccountKind.CreditBalance or LedgerAccountKind.Revenue ? PostingSide.Credit : PostingSide.Debit;

    /// <summary>Gets the cash (clearing) account of one provider, such as <see cref="ProviderName.Stripe"/> or <see cref="ProviderName.Offline"/>.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is <c>default</c>.</exception>
    public static LedgerAccount Cash(ProviderName provider)
    {
        if (provider.Value.Length == 0)
        {
            throw new ArgumentException("A cash account needs a provider, such as ProviderName.Stripe or ProviderName.Offline.", nameof(provider));
        }

        return new LedgerAccount(LedgerAccountKind.Cash, provider);
    }

    /// <summary>Returns "Receivable" or "Cash:stripe".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == LedgerAccountKind.Cash ? "Cash:" + Provider.Value : Kind.ToString();
}
