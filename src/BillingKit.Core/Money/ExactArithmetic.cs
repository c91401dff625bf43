using System.Numerics;

namespace BillingKit;

/// <summary>Exact rational arithmetic behind rounding, multiplication and conversion of money.</summary>
internal static class ExactArithmetic
{
    /// <summary>Splits a decimal into an integer mantissa (with sign) and a power-of-ten scale.</summary>
    internal static (BigInteger Mantissa, int Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)unchecked((uint)bits[2]) << 64) | ((BigInteger)unchecked((uint)bits[1]) << 32) | unchecked((uint)bits[0]);
        var negative = bits[3] < 0;
        var scale = (bits[3] >> 16) & 0xFF;
        return (negative ? -magnitude : magnitude, scale);
    }

    /// <summary>Divides exactly and rounds the quotient to an integer by the given mode.</summary>
    internal static BigInteger DivideAndRound(BigInteger numerator, BigInteger denominator, RoundingMode mode)
    {
        if (denominator.Sign == 0)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder); // truncates toward zero
        if (remainder.IsZero)
        {
            return quotient;
        }

        var sign = numerator.Sign;
        var twiceRemainder = BigInteger.Abs(remainder) * 2;
        var half = twiceRemainder.CompareTo(denominator); // <0 below half, 0 exactly half, >0 above
        var awayFromZero = mode switch
        {
            RoundingMode.Down => false,
            RoundingMode.Up => true,
            RoundingMode.Floor => sign < 0,
            RoundingMode.Ceiling => sign > 0,
            RoundingMode.HalfUp => half >= 0,
            RoundingMode.HalfDown => half > 0,
            RoundingMode.HalfEven => half > 0 || (half == 0 && !quotient.IsEven),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
        };
        return awayFromZero ? quotient + sign : quotient;
    }

    internal static long ToInt64(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue
            ? (long)value
            : throw new OverflowException("The amount does not fit in 64-bit minor units.");
}
