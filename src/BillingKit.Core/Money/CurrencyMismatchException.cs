namespace BillingKit;

/// <summary>Thrown when amounts in two different currencies are combined or compared.</summary>
public sealed class CurrencyMismatchException : BillingException
{
    /// <summary>Creates the exception for the currency that was expected and the one that was given.</summary>
    /// <param name="expected">The currency of the account, invoice or left operand.</param>
    /// <param name="actual">The currency that was given.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base($"Expected an amount in {expected.Code} but got one in {actual.Code}; convert it before combining.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency that was expected.</summary>
    public Currency Expected { get; }

    /// <summary>Gets the currency that was given.</summary>
    public Currency Actual { get; }
}
