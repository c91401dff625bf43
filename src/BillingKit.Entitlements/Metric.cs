using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace BillingKit.Entitlements;

/// <summary>
/// Something a plan limits, such as verifications or webhook endpoints. One instance exists per key in the process,
/// so metrics compare by reference and the gate finds a metric's limit and counter by position, without hashing.
/// </summary>
/// <remarks>
/// <para>The built-in metrics are <see cref="Verifications"/>, <see cref="AttestationsMint"/>,
/// <see cref="WebhookEndpoints"/>, <see cref="StorageBytes"/> and <see cref="Seats"/>. Hosts add their own with
/// <see cref="Define"/>, preferably at start-up.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class Metric
{
    /// <summary>The longest metric key accepted, in characters.</summary>
    public const int MaxKeyLength = 64;

    private static readonly ConcurrentDictionary<string, Metric> ByKey = new(StringComparer.Ordinal);
    private static readonly Lock DefineLock = new();
    private static Metric[] s_all = [];
    private static int s_count;

    private Metric(string key, string displayName, MetricKind kind, int ordinal)
    {
        Key = key;
        DisplayName = displayName;
        Kind = kind;
        Ordinal = ordinal;
    }

    /// <summary>Gets the verifications counter (key <c>verifications</c>).</summary>
    public static Metric Verifications { get; } = Define("verifications", "Verifications", MetricKind.Counter);

    /// <summary>Gets the attestation mints counter (key <c>attestations.mint</c>, shown as "Mints").</summary>
    public static Metric AttestationsMint { get; } = Define("attestations.mint", "Mints", MetricKind.Counter);

    /// <summary>Gets the webhook endpoints gauge (key <c>webhook_endpoints</c>).</summary>
    public static Metric WebhookEndpoints { get; } = Define("webhook_endpoints", "Webhook endpoints", MetricKind.Gauge);

    /// <summary>Gets the stored bytes gauge (key <c>storage_bytes</c>).</summary>
    public static Metric StorageBytes { get; } = Define("storage_bytes", "Storage bytes", MetricKind.Gauge);

    /// <summary>Gets the seats gauge (key <c>seats</c>).</summary>
    public static Metric Seats { get; } = Define("seats", "Seats", MetricKind.Gauge);

    /// <summary>Gets the metric's key, such as <c>attestations.mint</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the name shown to people, such as "Mints".</summary>
    public string DisplayName { get; }

    /// <summary>Gets whether the metric is a counter (resets each usage period) or a gauge (a level).</summary>
    public MetricKind Kind { get; }

    /// <summary>Gets the metric's position among all metrics defined in the process.</summary>
    internal int Ordinal { get; }

    /// <summary>Gets the number of metrics defined so far in the process.</summary>
    internal static int Count => Volatile.Read(ref s_count);

    /// <summary>Gets the metric at an ordinal below <see cref="Count"/>.</summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The metric.</returns>
    internal static Metric At(int ordinal) => Volatile.Read(ref s_all)[ordinal];

    /// <summary>Defines a metric, or returns the one already defined with the same key and kind.</summary>
    /// <param name="key">1 to 64 characters: lower-case ASCII letters, digits, '.', '_' or '-'.</param>
    /// <param name="displayName">The name shown to people; used only when the metric is first defined.</param>
    /// <param name="kind">Counter or gauge.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="displayName"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is malformed, the display name is blank, or the key is already
    /// defined with the other kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static Metric Define(string key, string displayName, MetricKind kind)
    {
        RequireKey(key, nameof(key));
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected MetricKind.Counter or MetricKind.Gauge.");
        }

        lock (DefineLock)
        {
            if (ByKey.TryGetValue(key, out var existing))
            {
                return existing.Kind == kind
                    ? existing
                    : throw new ArgumentException($"Metric '{key}' is already defined as a {existing.Kind}; it cannot also be a {kind}.", nameof(kind));
            }

            var metric = new Metric(key, displayName, kind, s_count);
            s_all = [.. s_all, metric];
            ByKey[key] = metric;
            Volatile.Write(ref s_count, s_count + 1);
            return metric;
        }
    }

    /// <summary>Finds a defined metric by key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="metric">The metric when found.</param>
    /// <returns><see langword="true"/> when a metric with that key is defined.</returns>
    public static bool TryGet(string? key, [NotNullWhen(true)] out Metric? metric)
    {
        if (key is null)
        {
            metric = null;
            return false;
        }

        return ByKey.TryGetValue(key, out metric);
    }

    /// <summary>Gets a defined metric by key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="UnknownMetricException">No metric with that key is defined.</exception>
    public static Metric Get(string key) => TryGet(key, out var metric) ? metric : throw new UnknownMetricException(key ?? string.Empty);

    /// <summary>Returns the key.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Key;

    internal static void RequireKey(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (!IsValidKey(key))
        {
            throw new ArgumentException(
                $"'{key}' is not a valid key: expected 1 to {MaxKeyLength} characters of lower-case ASCII letters, digits, '.', '_' or '-'.",
                parameterName);
        }
    }

    internal static bool IsValidKey(string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
