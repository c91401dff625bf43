using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// One tenant's usage in one usage period: per metric ordinal, the units used and the units leased from the quota
/// store, side by side in one array, padded by a cache line at each end so that two tenants' counters never share
/// a cache line (no false sharing between threads serving different tenants).
/// </summary>
/// <remarks>
/// <para>Slots change only with interlocked operations. When the counters are replaced (a new usage period, or more
/// metrics defined than they have room for), each used slot is frozen first by storing its bitwise complement,
/// which is negative: a consumer that sees a negative slot reloads the tenant's snapshot and retries, so no
/// consumption is lost in the hand-over.</para>
/// </remarks>
internal sealed class UsageCounters
{
    /// <summary>Longs of padding at each end: 64 bytes, one cache line.</summary>
    internal const int Padding = 8;

    internal UsageCounters(int capacity, Interval period)
    {
        Capacity = capacity;
        Period = period;
        Slots = new long[(Padding * 2) + (capacity * 2)];
    }

    /// <summary>Gets the number of metric ordinals the counters have room for.</summary>
    internal int Capacity { get; }

    /// <summary>Gets the usage period they count.</summary>
    internal Interval Period { get; }

    /// <summary>Gets the slots: padding, then used and leased per metric ordinal, then padding.</summary>
    internal long[] Slots { get; }

    /// <summary>Gets the index of a metric's used slot; its leased slot follows.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <returns>The index.</returns>
    internal static int UsedIndex(int ordinal) => Padding + (ordinal << 1);

    /// <summary>Reads a metric's usage, whether frozen or not.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <returns>The units used.</returns>
    internal long Used(int ordinal)
    {
        if (ordinal >= Capacity)
        {
            return 0;
        }

        var value = Volatile.Read(ref Slots[UsedIndex(ordinal)]);
        return value < 0 ? ~value : value;
    }

    /// <summary>Freezes every used slot and builds the counters that replace these ones.</summary>
    /// <param name="capacity">The new capacity, at least the current one.</param>
    /// <param name="period">The new counters' usage period.</param>
    /// <returns>The successor: gauges keep their level and lease; counters keep theirs only within the same period.</returns>
    internal UsageCounters Successor(int capacity, Interval period)
    {
        var next = new UsageCounters(Math.Max(capacity, Capacity), period);
        var samePeriod = period == Period;
        for (var ordinal = 0; ordinal < Capacity; ordinal++)
        {
            var used = Freeze(ordinal);
            if (samePeriod || Metric.At(ordinal).Kind == MetricKind.Gauge)
            {
                var index = UsedIndex(ordinal);
                next.Slots[index] = used;
                next.Slots[index + 1] = Volatile.Read(ref Slots[index + 1]);
            }
        }

        return next;
    }

    private long Freeze(int ordinal)
    {
        ref var slot = ref Slots[UsedIndex(ordinal)];
        while (true)
        {
            var value = Volatile.Read(ref slot);
            if (value < 0)
            {
                return ~value;
            }

            if (Interlocked.CompareExchange(ref slot, ~value, value) == value)
            {
                return value;
            }
        }
    }
}
