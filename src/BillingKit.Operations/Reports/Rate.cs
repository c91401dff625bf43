using System.Globalization;

namespace BillingKit.Operations;

/// <summary>A rate as an exact fraction (such as 3 failed payments out of 40 outcomes), never a floating-point
/// number; round it only for display, with <see cref="ToDecimal"/> or <see cref="ToPercent"/>.</summary>
/// <remarks><c>default(Rate)</c> is 0/0: no outcomes, so the rate is undefined (<see cref="IsDefined"/> is false).</remarks>
public readonly record struct Rate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="numerator">The count that the rate measures, from 0 to <paramref name="denominator"/>.</param>
    /// <param name="denominator">The count it is out of, 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is negative, or the numerator is outside 0 to the denominator.</exception>
    public Rate(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Gets the count that the rate measures.</summary>
    public long Numerator { get; }

    /// <summary>Gets the count it is out of.</summary>
    public long Denominator { get; }

    /// <summary>Gets whether the rate is defined (the denominator is above zero).</summary>
    public bool IsDefined => Denominator > 0;

    /// <summary>The rate as a fraction of one, rounded half to even to some decimal places.</summary>
    /// <param name="decimals">Decimal places, 0 to 20; default 4 (0.0750 for 3/40).</param>
    /// <returns>The rounded rate, or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 20.</exception>
    public decimal? ToDecimal(int decimals = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 20);
        return IsDefined ? Math.Round((decimal)Numerator / Denominator, decimals, MidpointRounding.ToEven) : null;
    }

    /// <summary>The rate in percent, rounded half to even to some decimal places.</summary>
    /// <param name="decimals">Decimal places, 0 to 20; default 2 (7.50 for 3/40).</param>
    /// <returns>The rounded percentage, or <see langword="null"/> when it is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 20.</exception>
    public decimal? ToPercent(int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 20);
        return IsDefined ? Math.Round(100m * Numerator / Denominator, decimals, MidpointRounding.ToEven) : null;
    }

    /// <summary>The exact fraction, such as <c>3/40</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
