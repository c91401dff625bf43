using System.Numerics;

namespace BillingKit;

/// <summary>
/// Largest-remainder allocation: splits a whole number of minor units by non-negative weights so that the parts
/// add up exactly, every part is within one unit of its exact share, and the leftover units go to the parts
/// with the largest fractional shares, the earlier part first on a tie.
/// </summary>
internal static class Allocation
{
    /// <summary>Splits <paramref name="total"/> by <paramref name="weights"/> into <paramref name="parts"/>.</summary>
    internal static void Split<T>(long total, ReadOnlySpan<T> weights, Span<long> parts)
        where T : IBinaryInteger<T>
    {
        var sum = T.Zero;
        foreach (var weight in weights)
        {
            if (T.IsNegative(weight))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), "Allocation ratios must be zero or positive.");
            }

            sum += weight;
        }

        if (T.IsZero(sum))
        {
            throw new ArgumentException("At least one allocation ratio must be positive.", nameof(weights));
        }

        // Allocate the magnitude and give the sign back, so that -10 splits as the mirror image of 10.
        var negative = total < 0;
        var magnitude = T.CreateChecked(negative ? -(Int128)total : total);
        var allocated = T.Zero;
        var remainderArray = new T[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var (quotient, remainder) = T.DivRem(magnitude * weights[i], sum);
            parts[i] = long.CreateChecked(quotient);
            remainderArray[i] = remainder;
            allocated += quotient;
        }

        var leftover = long.CreateChecked(magnitude - allocated); // fewer than weights.Length
        if (leftover > 0)
        {
            var order = new int[weights.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            // Largest remainder first; on a tie the earlier part first (a stable, total order).
            Array.Sort(order, (a, b) =>
            {
                var byRemainder = remainderArray[b].CompareTo(remainderArray[a]);
                return byRemainder != 0 ? byRemainder : a.CompareTo(b);
            });
            for (var i = 0; i < leftover; i++)
            {
                parts[order[i]]++;
            }
        }

        if (negative)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = -parts[i];
            }
        }
    }

    /// <summary>Splits evenly: every part gets the quotient, the first <c>remainder</c> parts one unit more.</summary>
    internal static void SplitEvenly(long total, Span<long> parts)
    {
        var count = parts.Length;
        var quotient = total / count;
        var remainder = total % count; // same sign as total
        var step = remainder < 0 ? -1 : 1;
        for (var i = 0; i < count; i++)
        {
            parts[i] = quotient + (i < Math.Abs(remainder) ? step : 0);
        }
    }
}
