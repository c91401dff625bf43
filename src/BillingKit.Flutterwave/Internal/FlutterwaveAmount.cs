namespace BillingKit.Flutterwave.Internal;

/// <summary>Converts between our minor units and Flutterwave's major-unit amounts, exactly (decimal, never binary
/// floating point): NGN 1050 kobo is 10.50, UGX 5000 is 5000, KWD 1250 fils is 1.250.</summary>
internal static class FlutterwaveAmount
{
    /// <summary>The major amount with exactly the currency's number of decimals.</summary>
    public static decimal ToMajor(Money amount)
    {
        var minor = amount.MinorUnits;
        var magnitude = minor < 0 ? unchecked((ulong)(-(minor + 1))) + 1UL : (ulong)minor;
        return new decimal(
            unchecked((int)(uint)magnitude),
            unchecked((int)(uint)(magnitude >> 32)),
            0,
            minor < 0,
            checked((byte)amount.Currency.MinorDigits));
    }

    /// <summary>Reads a major amount that Flutterwave reported. Throws <see cref="AmountPrecisionException"/> when it
    /// has more decimals than the currency allows: such an amount cannot be recorded exactly and must not be
    /// rounded silently.</summary>
    public static Money FromMajor(decimal amount, Currency currency) => Money.FromMajor(amount, currency);
}
