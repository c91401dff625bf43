namespace BillingKit.Ledger;

/// <summary>Thrown when an amount given to the ledger is zero or negative.</summary>
public sealed class InvalidLedgerAmountException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="amount">The amount given.</param>
    /// <param name="what">What the amount was for, such as "a refund".</param>
    public InvalidLedgerAmountException(Money amount, string what)
        : base($"The amount of {what} must be positive; got {amount}. Record the opposite movement with its own operation (a refund, a credit, a decreasing adjustment).")
    {
        Amount = amount;
    }

    /// <summary>Gets the amount given.</summary>
    public Money Amount { get; }

    internal static void ThrowIfNotPositive(Money amount, string what)
    {
        if (!amount.IsPositive)
        {
            throw new InvalidLedgerAmountException(amount, what);
        }
    }
}
