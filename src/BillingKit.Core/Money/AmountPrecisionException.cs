namespace BillingKit;

/// <summary>
/// Thrown when a major-unit amount has more decimals than its currency's minor unit allows and no rounding
/// mode was named (for example USD 10.005, or JPY 1.5).
/// </summary>
public sealed class AmountPrecisionException : BillingException
{
    /// <summary>Creates the exception for the amount and currency.</summary>
    /// <param name="amount">The major-unit amount that was given.</param>
    /// <param name="currency">The currency it was given in.</param>
    public AmountPrecisionException(decimal amount, Currency currency)
        : base(FormattableString.Invariant(
            $"{amount} has more decimals than {currency.Code} allows ({currency.MinorDigits}); name a RoundingMode to round it."))
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount that was given, in major units.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }
}
