using System.Collections.Frozen;
using BillingKit.Providers;

namespace BillingKit.Stripe;

/// <summary>Which currencies Stripe settles, and how its integer amounts relate to ISO 4217 minor units.</summary>
/// <remarks>
/// Stripe amounts are in the currency's smallest unit, which matches ISO 4217 except: ISK, zero-decimal in ISO, is
/// sent as a two-decimal amount whose last two digits are 00; three-decimal currencies (BHD, JOD, KWD, OMR, TND) must
/// end in 0. UGX is left out: Stripe's handling of it has changed over time, so charge it elsewhere.
/// </remarks>
internal static class StripeCurrencies
{
    private static readonly FrozenSet<string> Supported = (
        "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BWP BYN BZD CAD CDF " +
        "CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GIP GMD GNF GTQ GYD HKD HNL HTG HUF " +
        "IDR ILS INR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP " +
        "MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
        "SCR SEK SGD SHP SLE SOS SRD SZL THB TJS TND TOP TRY TTD TWD TZS UAH UYU UZS VND VUV WST XAF XCD XOF XPF YER " +
        "ZAR ZMW").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public static bool IsSupportedByStripe(Currency currency) => Supported.Contains(currency.Code);

    /// <summary>Converts to Stripe's integer amount.</summary>
    public static long ToStripeAmount(Money amount)
    {
        var code = amount.Currency.Code;
        if (string.Equals(code, "ISK", StringComparison.Ordinal))
        {
            return checked(amount.MinorUnits * 100);
        }

        if (amount.Currency.MinorDigits == 3 && amount.MinorUnits % 10 != 0)
        {
            throw new ProviderException(
                ProviderName.Stripe,
                ProviderErrorKind.InvalidRequest,
                "amount_precision",
                $"Stripe takes {code} amounts in whole hundredths only (the last of the three decimals must be 0); {amount} cannot be sent. Round it to 0.01 {code}.");
        }

        return amount.MinorUnits;
    }

    /// <summary>Converts from Stripe's integer amount and lower-case currency code.</summary>
    public static Money FromStripeAmount(long amount, string currencyCode)
    {
        var currency = Currency.FromCode(currencyCode.ToUpperInvariant());
        if (string.Equals(currency.Code, "ISK", StringComparison.Ordinal))
        {
            return Money.FromMinorUnits(amount / 100, currency);
        }

        return Money.FromMinorUnits(amount, currency);
    }

#pragma warning disable CA1308 // Stripe's API takes lower-case currency codes.
    public static string ToStripeCode(Currency currency) => currency.Code.ToLowerInvariant();
#pragma warning restore CA1308
}
