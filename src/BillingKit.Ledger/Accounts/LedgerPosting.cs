namespace BillingKit.Ledger;

/// <summary>One line of a transaction: a positive amount debited or credited to one account.</summary>
public sealed record LedgerPosting
{
    /// <summary>Creates a posting.</summary>
    /// <param name="account">The account.</param>
    /// <param name="side">Debit or credit.</param>
    /// <param name="amount">The amount; must be positive.</param>
    /// <exception cref="InvalidLedgerAmountException"><paramref name="amount"/> is zero or negative.</exception>
    public LedgerPosting(LedgerAccount account, PostingSide side, Money amount)
    {
        InvalidLedgerAmountException.ThrowIfNotPositive(amount, "a posting");
        Account = account;
        Side = side;
        Amount = amount;
    }

    /// <summary>Gets the account.</summary>
    public LedgerAccount Account { get; }

    /// <summary>Gets whether this is a debit or a credit.</summary>
    public PostingSide Side { get; }

    /// <summary>Gets the amount, always positive.</summary>
    public Money Amount { get; }

    /// <summary>Gets the amount signed by the account's normal side: positive when it grows the account's balance.</summary>
    public Money SignedForAccount => Side == Account.NormalSide ? Amount : -Amount;

    /// <summary>Returns "Dr Receivable USD 10.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(Side == PostingSide.Debit ? "Dr" : "Cr")} {Account} {Amount}";
}
