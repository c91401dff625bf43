using System.Globalization;

namespace BillingKit.Entitlements;

/// <summary>How much of a metric a plan or an override allows: a limit in the metric's units, or unlimited.</summary>
/// <remarks><c>default(Quota)</c> is a limit of zero.</remarks>
public readonly record struct Quota
{
    private Quota(long limit) => Limit = limit;

    /// <summary>Gets the quota without a limit.</summary>
    public static Quota Unlimited { get; } = new(long.MaxValue);

    /// <summary>Gets the limit in the metric's units; <see cref="long.MaxValue"/> when unlimited.</summary>
    public long Limit { get; }

    /// <summary>Gets whether there is no limit.</summary>
    public bool IsUnlimited => Limit == long.MaxValue;

    /// <summary>Gets a limited quota.</summary>
    /// <param name="limit">The limit, zero or more and less than <see cref="long.MaxValue"/>.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative or <see cref="long.MaxValue"/>.</exception>
    public static Quota Of(long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfEqual(limit, long.MaxValue);
        return new Quota(limit);
    }

    /// <summary>Adds extra units (grace allowances) to the quota; unlimited stays unlimited, and a sum too large to
    /// represent becomes unlimited.</summary>
    /// <param name="extra">The extra units, zero or more.</param>
    /// <returns>The larger quota.</returns>
    internal Quota Plus(long extra) => extra > long.MaxValue - 1 - Limit ? Unlimited : new Quota(Limit + extra);

    /// <summary>Returns the limit as text, or "unlimited".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsUnlimited ? "unlimited" : Limit.ToString(CultureInfo.InvariantCulture);
}
