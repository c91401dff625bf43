using System.Numerics;
using System.Runtime.InteropServices;

namespace BillingKit.Entitlements;

/// <summary>
/// Compares tenant ids ordinally with a hash that reads the id eight bytes at a time in two independent lanes: several
/// times cheaper than the default randomized string hash for typical ids (36 characters), which matters when every
/// request looks its tenant up. The hash is seeded per process; only admin operations add keys, so request input
/// cannot flood it.
/// </summary>
internal sealed class TenantIdComparer : IEqualityComparer<TenantId>
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private const ulong OtherMultiplier = 0xC2B2AE3D27D4EB4FUL;
    private static readonly ulong Seed = unchecked((ulong)Random.Shared.NextInt64());
    private static readonly ulong OtherSeed = unchecked((ulong)Random.Shared.NextInt64());

    internal static TenantIdComparer Instance { get; } = new();

    public bool Equals(TenantId x, TenantId y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal);

    public int GetHashCode(TenantId obj) => Hash(obj.Value);

    /// <summary>Hashes an id's text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The hash.</returns>
    internal static int Hash(string value)
    {
        var chars = value.AsSpan();
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        var first = Seed ^ (ulong)chars.Length;
        var second = OtherSeed;
        var i = 0;

        // Two lanes whose multiplications do not wait for each other.
        for (; i + 1 < words.Length; i += 2)
        {
            first = BitOperations.RotateLeft(unchecked((first ^ words[i]) * Multiplier), 31);
            second = BitOperations.RotateLeft(unchecked((second ^ words[i + 1]) * OtherMultiplier), 27);
        }

        if (i < words.Length)
        {
            first = BitOperations.RotateLeft(unchecked((first ^ words[i]) * Multiplier), 31);
        }

        for (var c = words.Length * 4; c < chars.Length; c++)
        {
            second = BitOperations.RotateLeft(unchecked((second ^ chars[c]) * OtherMultiplier), 27);
        }

        var hash = first ^ BitOperations.RotateLeft(second, 32);
        hash ^= hash >> 33;
        hash = unchecked(hash * Multiplier);
        hash ^= hash >> 29;
        return unchecked((int)hash);
    }
}
