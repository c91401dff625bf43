using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>
/// Extra units of one metric beyond the tenant's limit, for a while. Several may be active at once, on the same or
/// different metrics; each one counts from <see cref="GrantedAt"/> (inclusive) to <see cref="ExpiresAt"/> (exclusive)
/// and stops counting on its own, without any background job.
/// </summary>
/// <param name="Id">Identifies the allowance, for revoking it.</param>
/// <param name="Metric">The metric.</param>
/// <param name="ExtraUnits">The units added to the limit, more than zero.</param>
/// <param name="GrantedAt">When it starts counting (inclusive).</param>
/// <param name="ExpiresAt">When it stops counting (exclusive).</param>
/// <param name="Reason">Why it was granted.</param>
public sealed record GraceAllowance(Guid Id, Metric Metric, long ExtraUnits, Instant GrantedAt, Instant ExpiresAt, string Reason)
{
    /// <summary>Tells whether the allowance counts at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="GrantedAt"/> &lt;= <paramref name="now"/> &lt; <see cref="ExpiresAt"/>.</returns>
    public bool IsActiveAt(Instant now) => GrantedAt <= now && now < ExpiresAt;
}
