using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace BillingKit;

/// <summary>
/// An amount of money: a whole number of minor units (cents, kobo, fils) in one <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// <para>Create amounts with <see cref="FromMinorUnits"/>, <see cref="FromMajor(decimal, Currency)"/> or
/// <see cref="Zero"/>. Arithmetic and comparison work within one currency; mixing currencies throws
/// <see cref="CurrencyMismatchException"/> and overflowing 64-bit minor units throws
/// <see cref="OverflowException"/>. Anything that can produce a fraction of a minor unit (multiplying by a
/// rate, converting a major amount with more decimals) takes an explicit <see cref="RoundingMode"/>; splitting
/// (<see cref="Allocate(int)"/>) never creates or loses a minor unit.</para>
/// <para><c>default(Money)</c> is zero in XXX ("no currency"); it cannot be combined with real money.</para>
/// <para><see cref="ToString()"/> gives an invariant form such as <c>USD 1234.50</c> that <see cref="Parse"/>
/// reads back exactly; <see cref="ToDisplayString"/> gives a culture's currency format for people.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    private readonly long _minorUnits;
    private readonly Currency _currency;

    internal Money(long minorUnits, Currency currency)
    {
        _minorUnits = minorUnits;
        _currency = currency;
    }

    /// <summary>Gets the amount in minor units (cents for USD, yen for JPY, fils for KWD).</summary>
    public long MinorUnits => _minorUnits;

    /// <summary>Gets the currency.</summary>
    public Currency Currency => _currency;

    /// <summary>Gets whether the amount is zero.</summary>
    public bool IsZero => _minorUnits == 0;

    /// <summary>Gets whether the amount is above zero.</summary>
    public bool IsPositive => _minorUnits > 0;

    /// <summary>Gets whether the amount is below zero.</summary>
    public bool IsNegative => _minorUnits < 0;

    /// <summary>Creates an amount from minor units.</summary>
    /// <param name="minorUnits">The amount in minor units, for example 1050 for USD 10.50.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits, currency);

    /// <summary>Creates zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero minor units of <paramref name="currency"/>.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Creates an amount from major units that must be exact in the currency's minor unit.</summary>
    /// <param name="amount">The amount in major units, for example 10.50m for USD 10.50.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="AmountPrecisionException"><paramref name="amount"/> has more decimals than the currency
    /// allows (USD 10.005, JPY 1.5).</exception>
    /// <exception cref="OverflowException">The amount does not fit in 64-bit minor units.</exception>
    public static Money FromMajor(decimal amount, Currency currency)
    {
        var (mantissa, scale) = ExactArithmetic.Decompose(amount);
        var numerator = mantissa * currency.MinorUnitsPerMajor;
        var denominator = BigInteger.Pow(10, scale);
        var minor = BigInteger.DivRem(numerator, denominator, out var remainder);
        if (!remainder.IsZero)
        {
            throw new AmountPrecisionException(amount, currency);
        }

        return new Money(ExactArithmetic.ToInt64(minor), currency);
    }

    /// <summary>Creates an amount from major units, rounding to the currency's minor unit.</summary>
    /// <param name="amount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="rounding">How to round a fraction of a minor unit.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="OverflowException">The amount does not fit in 64-bit minor units.</exception>
    public static Money FromMajor(decimal amount, Currency currency, RoundingMode rounding)
    {
        var (mantissa, scale) = ExactArithmetic.Decompose(amount);
        var minor = ExactArithmetic.DivideAndRound(mantissa * currency.MinorUnitsPerMajor, BigInteger.Pow(10, scale), rounding);
        return new Money(ExactArithmetic.ToInt64(minor), currency);
    }

    /// <summary>Gets the amount in major units, exactly (1050 cents is 10.50).</summary>
    /// <returns>The amount as a decimal with the currency's number of decimals.</returns>
    public decimal ToMajor() => ToMajorExact();

    private decimal ToMajorExact()
    {
        // decimal holds every long exactly; the scale is the currency's minor digits.
        var negative = _minorUnits < 0;
        var magnitude = negative ? (ulong)(-(Int128)_minorUnits) : (ulong)_minorUnits;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative, (byte)_currency.MinorDigits);
    }

    /// <summary>Returns the amount with the sign removed.</summary>
    /// <returns>The absolute amount.</returns>
    /// <exception cref="OverflowException">The amount is the most negative 64-bit value.</exception>
    public Money Abs() => _minorUnits < 0 ? -this : this;

    /// <summary>Multiplies by a whole number (a quantity).</summary>
    /// <param name="quantity">The multiplier.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product does not fit in 64-bit minor units.</exception>
    public Money Multiply(long quantity) => new(checked(_minorUnits * quantity), _currency);

    /// <summary>Multiplies by a decimal factor (a tax rate, a discount) and rounds the exact product.</summary>
    /// <param name="factor">The factor, for example 0.075m for 7.5 %.</param>
    /// <param name="rounding">How to round a fraction of a minor unit.</param>
    /// <returns>The rounded product.</returns>
    /// <exception cref="OverflowException">The product does not fit in 64-bit minor units.</exception>
    public Money Multiply(decimal factor, RoundingMode rounding)
    {
        var (mantissa, scale) = ExactArithmetic.Decompose(factor);
        var product = ExactArithmetic.DivideAndRound(mantissa * _minorUnits, BigInteger.Pow(10, scale), rounding);
        return new Money(ExactArithmetic.ToInt64(product), _currency);
    }

    /// <summary>Divides by a decimal divisor (1.2 to take 20 % tax out of a gross price) and rounds the exact quotient.</summary>
    /// <param name="divisor">The divisor; not zero.</param>
    /// <param name="rounding">How to round a fraction of a minor unit.</param>
    /// <returns>The rounded quotient.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient does not fit in 64-bit minor units.</exception>
    public Money Divide(decimal divisor, RoundingMode rounding)
    {
        var (mantissa, scale) = ExactArithmetic.Decompose(divisor);
        var quotient = ExactArithmetic.DivideAndRound(BigInteger.Pow(10, scale) * _minorUnits, mantissa, rounding);
        return new Money(ExactArithmetic.ToInt64(quotient), _currency);
    }

    /// <summary>Splits the amount evenly into <paramref name="parts"/> amounts that add up to it exactly.</summary>
    /// <param name="parts">How many parts; at least 1.</param>
    /// <returns>The parts. Each is within one minor unit of the exact share; the first ones get the leftover
    /// units (USD 10.00 in 3 is 3.34, 3.33, 3.33).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    public Money[] Allocate(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var units = new long[parts];
        Allocation.SplitEvenly(_minorUnits, units);
        return Wrap(units);
    }

    /// <summary>Splits the amount by whole-number ratios into amounts that add up to it exactly.</summary>
    /// <param name="ratios">One non-negative ratio per part, at least one positive (for example 70, 30).</param>
    /// <returns>The parts, in the order of the ratios. Each is within one minor unit of its exact share; leftover
    /// units go to the parts with the largest fractional share, the earlier part first on a tie.</returns>
    /// <exception cref="ArgumentException">No ratio is positive, or none is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is negative.</exception>
    public Money[] Allocate(params ReadOnlySpan<long> ratios)
    {
        if (ratios.IsEmpty)
        {
            throw new ArgumentException("Give at least one allocation ratio.", nameof(ratios));
        }

        var units = new long[ratios.Length];
        Allocation.Split<Int128>(_minorUnits, ToInt128(ratios), units);
        return Wrap(units);
    }

    /// <summary>Splits the amount by decimal ratios (for example 0.5, 0.25, 0.25) into amounts that add up to it exactly.</summary>
    /// <param name="ratios">One non-negative ratio per part, at least one positive. Only their proportions matter.</param>
    /// <returns>The parts, in the order of the ratios, with the same guarantees as <see cref="Allocate(ReadOnlySpan{long})"/>.</returns>
    /// <exception cref="ArgumentException">No ratio is positive, or none is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is negative.</exception>
    public Money[] Allocate(params ReadOnlySpan<decimal> ratios)
    {
        if (ratios.IsEmpty)
        {
            throw new ArgumentException("Give at least one allocation ratio.", nameof(ratios));
        }


        // Bring every ratio to the same scale so that they become exact whole-number weights.
        var decomposed = new (BigInteger Mantissa, int Scale)[ratios.Length];
        var maxScale = 0;
        for (var i = 0; i < ratios.Length; i++)
        {
            decomposed[i] = ExactArithmetic.Decompose(ratios[i]);
            maxScale = Math.Max(maxScale, decomposed[i].Scale);
        }

        var weights = new BigInteger[ratios.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = decomposed[i].Mantissa * BigInteger.Pow(10, maxScale - decomposed[i].Scale);
        }

        var units = new long[ratios.Length];
        Allocation.Split<BigInteger>(_minorUnits, weights, units);
        return Wrap(units);
    }

    private static Int128[] ToInt128(ReadOnlySpan<long> ratios)
    {
        var weights = new Int128[ratios.Length];
        for (var i = 0; i < ratios.Length; i++)
        {
            weights[i] = ratios[i];
        }

        return weights;
    }

    private Money[] Wrap(long[] units)
    {
        var result = new Money[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            result[i] = new Money(units[i], _currency);
        }

        return result;
    }

    /// <summary>Returns the smaller of two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <summary>Returns the larger of two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <summary>Throws unless <paramref name="other"/> is in the same currency.</summary>
    /// <param name="other">The amount to check.</param>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public void EnsureSameCurrency(Money other)
    {
        if (_currency != other._currency)
        {
            throw new CurrencyMismatchException(_currency, other._currency);
        }
    }

    /// <inheritdoc />
    public bool Equals(Money other) => _minorUnits == other._minorUnits && _currency == other._currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_minorUnits, _currency);

    /// <summary>Compares two amounts in one currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or more than the other.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return _minorUnits.CompareTo(other._minorUnits);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("Expected Money.", nameof(obj)),
    };

    /// <summary>Returns the invariant, round-trippable form: the ISO code, a space and the major amount with
    /// exactly the currency's number of decimals, such as <c>USD 1234.50</c>, <c>JPY -500</c> or <c>KWD 1.250</c>.</summary>
    /// <returns>The invariant form, which <see cref="Parse"/> reads back.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{_currency.Code} {ToMajorExact().ToString("F" + _currency.MinorDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");

    /// <summary>Formats the amount. Format "C" gives <see cref="ToDisplayString"/> for the provider's culture;
    /// null, empty or "G" give the invariant <see cref="ToString()"/> form.</summary>
    /// <param name="format">"C", "G" or null.</param>
    /// <param name="formatProvider">The culture for "C"; the current culture when null.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of those.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "G" => ToString(),
        "C" => ToDisplayString(formatProvider as CultureInfo ?? CultureInfo.CurrentCulture),
        _ => throw new FormatException($"Unknown Money format '{format}'; expected \"G\" (invariant) or \"C\" (display)."),
    };

    /// <summary>Formats the amount for people in a culture: the culture's grouping, decimal separator and
    /// pattern, with the currency's number of decimals. The culture's own currency symbol is used when the
    /// culture's region uses this currency; otherwise the ISO code stands in its place, set apart by a space
    /// ("USD 1,234.50" in en-GB, "1.234,50 USD" in de-DE).</summary>
    /// <param name="culture">The culture, for example en-US ("$1,234.50") or de-DE ("1.234,50 €").</param>
    /// <returns>The display text. It is for reading, not for parsing back.</returns>
    public string ToDisplayString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var numberFormat = (NumberFormatInfo)culture.NumberFormat.Clone();
        numberFormat.CurrencyDecimalDigits = _currency.MinorDigits;
        if (!UsesCurrency(culture, _currency))
        {
            // An ISO code reads better set apart from the number: "USD 1,234.50", "1.234,50 USD".
            numberFormat.CurrencySymbol = _currency.Code;
            numberFormat.CurrencyPositivePattern = numberFormat.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
            numberFormat.CurrencyNegativePattern = numberFormat.CurrencyNegativePattern switch
            {
                0 => 14, 1 => 9, 2 => 12, 3 => 11, 4 => 15, 5 => 8, 6 => 13, 7 => 10, var p => p,
            };
        }

        return ToMajorExact().ToString("C", numberFormat);
    }

    private static bool UsesCurrency(CultureInfo culture, Currency currency)
    {
        if (culture.IsNeutralCulture || string.IsNullOrEmpty(culture.Name))
        {
            return false;
        }

        try
        {
            return string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, currency.Code, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Reads the invariant form written by <see cref="ToString()"/>, such as <c>USD 1234.50</c>.</summary>
    /// <param name="text">The text: an ISO code, one space, and a major amount with a '.' decimal point and at
    /// most the currency's number of decimals.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    /// <exception cref="UnknownCurrencyException">The code is not a known currency.</exception>
    /// <exception cref="AmountPrecisionException">The amount has more decimals than the currency allows.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 5 || text[3] != ' ')
        {
            throw new FormatException($"'{text}' is not money in the form 'USD 1234.50'.");
        }

        var currency = Currency.FromCode(text[..3]);
        if (!decimal.TryParse(text.AsSpan(4), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
        {
            throw new FormatException($"'{text}' is not money in the form 'USD 1234.50': the amount is not a number.");
        }

        return FromMajor(major, currency);
    }

    /// <summary>Tries to read the invariant form written by <see cref="ToString()"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount when the text is valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the text is valid money in a known currency and exact in its minor unit.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money)
    {
        money = default;
        if (text is null || text.Length < 5 || text[3] != ' ' || !Currency.TryFromCode(text[..3], out var currency)
            || !decimal.TryParse(text.AsSpan(4), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        try
        {
            money = FromMajor(major, currency);
            return true;
        }
        catch (Exception e) when (e is AmountPrecisionException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Adds two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit in 64-bit minor units.</exception>
    public static Money operator +(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(checked(left._minorUnits + right._minorUnits), left._currency);
    }

    /// <summary>Subtracts an amount from another in one currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit in 64-bit minor units.</exception>
    public static Money operator -(Money left, Money right)
    {
        left.EnsureSameCurrency(right);
        return new Money(checked(left._minorUnits - right._minorUnits), left._currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    /// <exception cref="OverflowException">The amount is the most negative 64-bit value.</exception>
    public static Money operator -(Money value) => new(checked(-value._minorUnits), value._currency);

    /// <summary>Tells whether two amounts are equal: same currency and same minor units.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal. Amounts in different currencies are never equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Tells whether two amounts differ in currency or minor units.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the left amount is less.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the left amount is less or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the left amount is more.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when the left amount is more or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;
}
