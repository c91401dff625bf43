using System.Diagnostics.CodeAnalysis;

namespace BillingKit;

/// <summary>
/// An ISO 4217 currency: its three-letter code and the number of digits of its minor unit
/// (USD 2, JPY 0, KWD 3).
/// </summary>
/// <remarks>
/// <para>Obtain one with <see cref="FromCode"/>, <see cref="TryFromCode"/> or a named property such as
/// <see cref="USD"/>. Codes are matched case-insensitively ("usd" is USD) and always printed upper case.</para>
/// <para><c>default(Currency)</c> is XXX, ISO 4217's "no currency", with no minor digits. It never equals a
/// real currency, so money in it cannot be mixed with real money by accident.</para>
/// <para>A currency is a two-byte index into a built-in table, so comparing and copying it is free.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "ISO codes.")]
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable
{
    private readonly ushort _index;

    private Currency(ushort index) => _index = index;

    /// <summary>Gets the upper-case ISO 4217 code, such as "USD".</summary>
    /// <value>Three upper-case letters; "XXX" for <c>default(Currency)</c>.</value>
    public string Code => Iso4217.Codes[_index];

    /// <summary>Gets the number of digits after the decimal point of the currency's minor unit.</summary>
    /// <value>0 for JPY, 2 for USD, 3 for KWD, 4 for CLF.</value>
    public int MinorDigits => Iso4217.Exponents[_index];

    /// <summary>Gets how many minor units make one major unit (100 for USD, 1 for JPY, 1000 for KWD).</summary>
    /// <value>Ten to the power of <see cref="MinorDigits"/>.</value>
    public long MinorUnitsPerMajor => Iso4217.PowersOfTen[MinorDigits];

    /// <summary>Gets every currency this library knows, ordered by code, without XXX.</summary>
    /// <value>The active ISO 4217 currencies.</value>
    public static IReadOnlyList<Currency> All { get; } =
        [.. Enumerable.Range(1, Iso4217.Codes.Length - 1).Select(i => new Currency((ushort)i)).OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Gets the United States dollar.</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>Gets the Japanese yen (no minor unit).</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>Gets the Kuwaiti dinar (three minor digits).</summary>
    public static Currency KWD { get; } = FromCode("KWD");

    /// <summary>Gets the Nigerian naira.</summary>
    public static Currency NGN { get; } = FromCode("NGN");

    /// <summary>Gets the Kenyan shilling.</summary>
    public static Currency KES { get; } = FromCode("KES");

    /// <summary>Gets the Ghanaian cedi.</summary>
    public static Currency GHS { get; } = FromCode("GHS");

    /// <summary>Gets the South African rand.</summary>
    public static Currency ZAR { get; } = FromCode("ZAR");

    /// <summary>Gets the Canadian dollar.</summary>
    public static Currency CAD { get; } = FromCode("CAD");

    /// <summary>Gets the Australian dollar.</summary>
    public static Currency AUD { get; } = FromCode("AUD");

    /// <summary>Gets the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter ISO 4217 code, in any case.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException"><paramref name="code"/> is not an active ISO 4217 currency.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency) ? currency : throw new UnknownCurrencyException(code);
    }

    /// <summary>Looks up the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter ISO 4217 code, in any case.</param>
    /// <param name="currency">The currency when found; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the code names an active currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is { Length: 3 } && Iso4217.IndexByCode.TryGetValue(code, out var index) && index != 0)
        {
            currency = new Currency(index);
            return true;
        }

        currency = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(Currency other) => _index == other._index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _index;

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>Negative, zero or positive as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException("Expected a Currency.", nameof(obj)),
    };

    /// <summary>Returns the ISO code, such as "USD".</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Tells whether two currencies are the same.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both are the same currency.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Tells whether two currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the currencies differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the left code sorts first.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the left code sorts first or equal.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the left code sorts last.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the left code sorts last or equal.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;
}
