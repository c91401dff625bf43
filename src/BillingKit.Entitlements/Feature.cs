using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace BillingKit.Entitlements;

/// <summary>
/// A feature a plan can switch on or give a value (such as <c>offline_bundles</c> or <c>sso</c>). One instance exists
/// per key in the process, so features compare by reference and the gate finds a flag by position, without hashing.
/// </summary>
/// <remarks>Features are interned: <see cref="Of"/> returns the same instance for the same key. Thread-safe.</remarks>
public sealed class Feature
{
    private static readonly ConcurrentDictionary<string, Feature> ByKey = new(StringComparer.Ordinal);
    private static readonly Lock DefineLock = new();
    private static Feature[] s_all = [];
    private static int s_count;

    private Feature(string key, int ordinal)
    {
        Key = key;
        Ordinal = ordinal;
    }

    /// <summary>Gets the feature's key, such as <c>offline_bundles</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the feature's position among all features known to the process.</summary>
    internal int Ordinal { get; }

    /// <summary>Gets the number of features known so far in the process.</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>Gets the feature at an ordinal below <see cref="Count"/>.</summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The feature.</returns>
    internal static Feature At(int ordinal) => Volatile.Read(ref s_all)[ordinal];

    /// <summary>Gets the feature with this key, creating it on first use.</summary>
    /// <param name="key">1 to 64 characters: lower-case ASCII letters, digits, '.', '_' or '-'.</param>
    /// <returns>The feature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is malformed.</exception>
    public static Feature Of(string key)
    {
        if (ByKey.TryGetValue(key ?? throw new ArgumentNullException(nameof(key)), out var found))
        {
            return found;
        }

        Metric.RequireKey(key, nameof(key));
        lock (DefineLock)
        {
            if (ByKey.TryGetValue(key, out found))
            {
                return found;
            }

            var feature = new Feature(key, s_count);
            s_all = [.. s_all, feature];
            ByKey[key] = feature;
            Volatile.Write(ref s_count, s_count + 1);
            return feature;
        }
    }

    /// <summary>Finds a feature that is already known by key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="feature">The feature when found.</param>
    /// <returns><see langword="true"/> when a feature with that key is known.</returns>
    public static bool TryGet(string? key, [NotNullWhen(true)] out Feature? feature)
    {
        if (key is null)
        {
            feature = null;
            return false;
        }

        return ByKey.TryGetValue(key, out feature);
    }

    /// <summary>Returns the key.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Key;
}
