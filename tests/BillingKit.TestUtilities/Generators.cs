using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.TestUtilities;

/// <summary>FsCheck generators for BillingKit's value types, bounded so that properties test logic, not overflow.</summary>
public static class Generators
{
    public static readonly BillingKit.Currency[] SampleCurrencies =
        [BillingKit.Currency.USD, BillingKit.Currency.EUR, BillingKit.Currency.JPY, BillingKit.Currency.KWD, BillingKit.Currency.NGN, BillingKit.Currency.KES, BillingKit.Currency.GHS, BillingKit.Currency.ZAR, BillingKit.Currency.FromCode("CLF")];

    public static Gen<BillingKit.Currency> Currencies() => Gen.Elements(SampleCurrencies);

    /// <summary>Minor units within ±10^12, so that sums of a few thousand amounts never overflow.</summary>
    public static Gen<long> MinorUnits() =>
        Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => (long)i),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i),
            Gen.Choose(-1_000_000, 1_000_000).SelectMany(hi => Gen.Choose(0, 999_999), (hi, lo) => (hi * 1_000_000L) + lo));

    public static Gen<BillingKit.Money> Amounts(BillingKit.Currency currency) => MinorUnits().Select(units => BillingKit.Money.FromMinorUnits(units, currency));

    public static Gen<BillingKit.Money> Amounts() => Currencies().SelectMany(Amounts);

    /// <summary>A date between 1990 and 2060.</summary>
    public static Gen<LocalDate> Date() =>
        Gen.Choose(0, 70 * 366).Select(days => new LocalDate(1990, 1, 1).PlusDays(days));

    /// <summary>A date that is often a month end (28th to 31st), which is where billing calendars break.</summary>
    public static Gen<LocalDate> AnchorDate() =>
        Gen.OneOf(
            Date(),
            Gen.Choose(1990, 2060).SelectMany(y => Gen.Choose(1, 12), (y, m) => new LocalDate(y, m, 1).PlusMonths(1).PlusDays(-1)));

    public static Gen<BillingFrequency> Frequency() =>
        Gen.Elements(BillingFrequency.Monthly, BillingFrequency.Quarterly, BillingFrequency.Annually);
}
