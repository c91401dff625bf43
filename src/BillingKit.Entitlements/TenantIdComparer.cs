using System.Runtime.InteropServices;

namespace BillingKit.Entitlements;

/// <summary>
/// Compares tenant ids ordinally with a hash that reads the id eight bytes at a time: several times cheaper than the
/// default randomized string hash for typical ids (36 characters), which matters when every request looks its
/// tenant up. The hash is seeded per process; only admin operations add keys, so request input cannot flood it.
/// </summary>
internal sealed class TenantIdComparer : IEqualityComparer<TenantId>
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private static readonly ulong Seed = unchecked((ulong)Random.Shared.NextInt64());

    internal static TenantIdComparer Instance { get; } = new();

    public bool Equals(TenantId x, TenantId y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal);

    public int GetHashCode(TenantId obj)
    {
        var chars = obj.Value.AsSpan();
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        var hash = Seed ^ (ulong)chars.Length;
        foreach (var word in words)
        {
            hash = unchecked((hash ^ word) * Multiplier);
            hash ^= hash >> 29;
        }

        for (var i = words.Length * 4; i < chars.Length; i++)
        {
            hash = unchecked((hash ^ chars[i]) * Multiplier);
        }

        hash ^= hash >> 32;
        return unchecked((int)hash);
    }
}
