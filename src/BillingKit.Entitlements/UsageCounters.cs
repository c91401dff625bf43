using System.Numerics;
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
/// <para>Per-core slices. When two threads contend for one tenant's counter (a compare-exchange fails), the counters
/// switch that tenant to slices: one block of "units available" per core (<see cref="Stripes"/>), each on cache lines
/// of its own. A consumption then takes units from its core's slice with a compare-exchange that no other core
/// contends for; an empty slice is refilled under the handle's lock by reserving a batch from the used slot, which
/// therefore counts consumed units plus the units waiting in slices. The usage is the used slot minus what waits in
/// the slices. The invariants: a refill never takes the used slot above the lowest limit left in the snapshot chain
/// (<see cref="ResolvedEntitlements.Floors"/>) nor above the lease, so spending a slice never takes usage above the
/// effective limit; slices are drained (given back to the used slot) under the lock before a new snapshot is
/// published and before the gate denies for lack of quota, so a denial is exact and a lowered limit applies to every
/// later consumption. Refills and drains make the slices' version (<see cref="StripeVersionIndex"/>) odd while they
/// run, so readers of the usage retry rather than see a batch in flight. Only counter metrics use slices; gauges keep
/// the used slot alone (releases lower it).</para>
/// </remarks>
internal sealed class UsageCounters
{
    /// <summary>Longs of padding at each end: 64 bytes, one cache line.</summary>
    internal const int Padding = 8;

    /// <summary>The slot (in the first padding line, beside the first metric's used slot) that is 1 once slices are on.</summary>
    internal const int SlicedIndex = Padding - 1;

    /// <summary>The index in <see cref="Stripes"/> of the version that refills and drains make odd while they run.</summary>
    internal const int StripeVersionIndex = 0;

    private long[]? _stripes;

    internal UsageCounters(int capacity, Interval period)
    {
        Capacity = capacity;
        Period = period;
        Slots = new long[(Padding * 2) + (capacity * 2)];
        StripeCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 2, 64));

        // Each core's block starts on a line of its own and is followed by a line of padding (adjacent-line prefetch).
        StripeStride = ((capacity + 7) & ~7) + Padding;
    }

    /// <summary>Gets the number of slices once they are on: the processor count rounded up to a power of two.</summary>
    internal int StripeCount { get; }

    /// <summary>Gets the longs between two cores' slices.</summary>
    internal int StripeStride { get; }

    /// <summary>Gets the slices (units available per core and metric), or <see langword="null"/> until contention
    /// switches them on.</summary>
    internal long[]? Stripes => Volatile.Read(ref _stripes);

    /// <summary>Gets the number of metric ordinals the counters have room for.</summary>
    internal int Capacity { get; }

    /// <summary>Gets the usage period they count.</summary>
    internal Interval Period { get; }

    /// <summary>Gets the slots: padding, then used and leased per metric ordinal, then padding.</summary>
    internal long[] Slots { get; }

    /// <summary>Gets the index of a metric's used slot; its leased slot follows.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <returns>The index.</returns>
    internal static int UsedIndex(int ordinal) => unchecked(Padding + (ordinal << 1));

    /// <summary>Gets the index in <see cref="Stripes"/> of a metric's units available to a core.</summary>
    /// <param name="processor">The core's id (any number; it is folded onto the slices).</param>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <returns>The index.</returns>
    internal int StripeIndex(int processor, int ordinal) => unchecked(Padding + ((processor & (StripeCount - 1)) * StripeStride) + ordinal);

    /// <summary>Reads a metric's usage, whether frozen or not: the used slot minus the units waiting in slices.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <returns>The units used.</returns>
    internal long Used(int ordinal)
    {
        if (ordinal >= Capacity)
        {
            return 0;
        }

        ref var slot = ref Slots[UsedIndex(ordinal)];
        var value = Volatile.Read(ref slot);
        var stripes = Stripes;
        if (stripes is null)
        {
            // Slices are switched on before any unit is reserved for them, so a used slot read before seeing no
            // slices holds no reserved units.
            return value < 0 ? ~value : value;
        }

        var spinner = default(SpinWait);
        while (true)
        {
            var version = Volatile.Read(ref stripes[StripeVersionIndex]);
            if ((version & 1) == 0)
            {
                value = Volatile.Read(ref slot);
                var waiting = 0L;
                for (var core = 0; core < StripeCount; core++)
                {
                    waiting += Volatile.Read(ref stripes[StripeIndex(core, ordinal)]);
                }

                if (Volatile.Read(ref stripes[StripeVersionIndex]) == version)
                {
                    return (value < 0 ? ~value : value) - waiting;
                }
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>Switches slices on; called under the handle's lock.</summary>
    /// <returns>The slices.</returns>
    internal long[] EnableStripes()
    {
        if (Stripes is { } existing)
        {
            return existing;
        }

        var stripes = new long[Padding + (StripeCount * StripeStride)];
        Volatile.Write(ref _stripes, stripes);
        Volatile.Write(ref Slots[SlicedIndex], 1);
        return stripes;
    }

    /// <summary>Reserves <paramref name="batch"/> units of a metric from the used slot, if the slot stays at or below
    /// <paramref name="cap"/>, and puts them in a core's slice less <paramref name="consumed"/> units counted at once;
    /// called under the handle's lock.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    /// <param name="processor">The core.</param>
    /// <param name="batch">The units to reserve.</param>
    /// <param name="consumed">The units of the batch consumed at once, at most <paramref name="batch"/>.</param>
    /// <param name="cap">The most the used slot may reach.</param>
    /// <param name="usedAfter">The used slot after the reservation.</param>
    /// <returns><see langword="false"/> when the slot is frozen or the batch no longer fits.</returns>
    internal bool TryReserve(int ordinal, int processor, long batch, long consumed, long cap, out long usedAfter)
    {
        var stripes = Stripes!;
        ref var slot = ref Slots[UsedIndex(ordinal)];
        Interlocked.Increment(ref stripes[StripeVersionIndex]);
        try
        {
            while (true)
            {
                var used = Volatile.Read(ref slot);
                if (used < 0 || batch > cap - used)
                {
                    usedAfter = used;
                    return false;
                }

                if (Interlocked.CompareExchange(ref slot, used + batch, used) == used)
                {
                    usedAfter = used + batch;
                    Interlocked.Add(ref stripes[StripeIndex(processor, ordinal)], batch - consumed);
                    return true;
                }
            }
        }
        finally
        {
            Interlocked.Increment(ref stripes[StripeVersionIndex]);
        }
    }

    /// <summary>Gives every unit waiting in a metric's slices back to the used slot; called under the handle's lock.</summary>
    /// <param name="ordinal">The metric's ordinal.</param>
    internal void Drain(int ordinal)
    {
        var stripes = Stripes;
        if (stripes is null || ordinal >= Capacity)
        {
            return;
        }

        Interlocked.Increment(ref stripes[StripeVersionIndex]);
        var waiting = 0L;
        for (var core = 0; core < StripeCount; core++)
        {
            waiting += Interlocked.Exchange(ref stripes[StripeIndex(core, ordinal)], 0);
        }

        if (waiting != 0)
        {
            // Slices are drained before the used slot is frozen, under the same lock, so the slot is not frozen here.
            Interlocked.Add(ref Slots[UsedIndex(ordinal)], -waiting);
        }

        Interlocked.Increment(ref stripes[StripeVersionIndex]);
    }

    /// <summary>Drains every metric's slices; called under the handle's lock.</summary>
    internal void DrainAll()
    {
        if (Stripes is null)
        {
            return;
        }

        for (var ordinal = 0; ordinal < Capacity; ordinal++)
        {
            Drain(ordinal);
        }
    }

    /// <summary>Freezes every used slot and builds the counters that replace these ones.</summary>
    /// <param name="capacity">The new capacity, at least the current one.</param>
    /// <param name="period">The new counters' usage period.</param>
    /// <returns>The successor: gauges keep their level and lease; counters keep theirs only within the same period.</returns>
    internal UsageCounters Successor(int capacity, Interval period)
    {
        DrainAll();
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
