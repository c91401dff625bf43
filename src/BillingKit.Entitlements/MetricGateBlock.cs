using System.Runtime.CompilerServices;

namespace BillingKit.Entitlements;

/// <summary>The first <see cref="Length"/> metric gates of a snapshot, stored inside the snapshot object itself so a
/// check reads a limit without following a reference to an array (one dependent memory read fewer on a cold tenant).</summary>
[InlineArray(Length)]
internal struct MetricGateBlock
{
    /// <summary>How many metric ordinals are stored inline.</summary>
    internal const int Length = 8;

    private MetricGate _first;
}
