namespace BillingKit;

/// <summary>Thrown when a currency code is not an active ISO 4217 currency.</summary>
public sealed class UnknownCurrencyException : BillingException
{
    /// <summary>Creates the exception for the code that was not recognised.</summary>
    /// <param name="code">The code that was given.</param>
    public UnknownCurrencyException(string code)
        : base($"'{code}' is not an active ISO 4217 currency code; expected three letters such as USD, EUR, NGN or JPY.")
    {
        Code = code;
    }

    /// <summary>Gets the code that was given.</summary>
    public string Code { get; }
}
