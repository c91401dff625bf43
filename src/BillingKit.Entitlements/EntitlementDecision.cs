namespace BillingKit.Entitlements;

/// <summary>
/// The gate's answer to a check, a consumption or a release: allowed or not, why, the effective limit and what
/// remains. A small value that costs nothing to return.
/// </summary>
/// <remarks><c>default(EntitlementDecision)</c> is a denial with reason <see cref="EntitlementReason.WithinLimit"/>
/// and is never returned by the gate.</remarks>
public readonly record struct EntitlementDecision
{
    internal EntitlementDecision(bool isAllowed, EntitlementReason reason, bool isWarned, long limit, long remaining)
    {
        IsAllowed = isAllowed;
        Reason = reason;
        IsWarned = isWarned;
        Limit = limit;
        Remaining = remaining;
    }

    /// <summary>Gets whether the request is allowed (and, for a consumption, was counted).</summary>
    public bool IsAllowed { get; }

    /// <summary>Gets why.</summary>
    public EntitlementReason Reason { get; }

    /// <summary>Gets whether the tenant's access level is <see cref="AccessLevel.Warned"/>: allowed, but the host
    /// should tell the tenant that payment is overdue.</summary>
    public bool IsWarned { get; }

    /// <summary>Gets the effective limit in the metric's units; <see cref="long.MaxValue"/> when unlimited, 0 when
    /// the tenant or metric is unknown.</summary>
    public long Limit { get; }

    /// <summary>Gets the units left after this request (never negative); <see cref="long.MaxValue"/> when unlimited.</summary>
    public long Remaining { get; }

    /// <summary>Gets whether the limit is unlimited.</summary>
    public bool IsUnlimited => Limit == long.MaxValue;

    internal static EntitlementDecision Deny(EntitlementReason reason) => new(false, reason, false, 0, 0);
}
