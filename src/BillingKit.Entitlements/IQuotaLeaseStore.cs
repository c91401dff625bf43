namespace BillingKit.Entitlements;

/// <summary>
/// The usage store port: grants each process leases of quota in batches, so that several host instances share one
/// limit while each checks and consumes in-process without locks. The total leased for a key never exceeds the
/// limit the caller passes, so instances together never exceed it; an instance that crashes loses at most the units
/// it leased and did not use.
/// </summary>
/// <remarks>
/// <para>The gate calls <see cref="AcquireAsync"/> only when its local lease runs out (with the in-memory default,
/// once per metric and usage period, for everything the limit allows); an implementation should complete
/// synchronously when it can, because the gate denies with <see cref="EntitlementReason.LeaseUnavailable"/> until an
/// asynchronous grant arrives. Implementations must be thread-safe.</para>
/// </remarks>
public interface IQuotaLeaseStore
{
    /// <summary>Leases up to <paramref name="requested"/> units, without taking the total leased for the key above
    /// <paramref name="limit"/>.</summary>
    /// <param name="key">The tenant, metric and usage period.</param>
    /// <param name="requested">The units wanted, more than zero.</param>
    /// <param name="limit">The effective limit now; the total leased for the key must stay at or below it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The units granted, from zero (the limit is reached) to <paramref name="requested"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requested"/> is not positive or <paramref name="limit"/> is negative.</exception>
    ValueTask<long> AcquireAsync(QuotaLeaseKey key, long requested, long limit, CancellationToken cancellationToken = default);

    /// <summary>Gives back leased units that were not used (a process shutting down, or a gauge released).</summary>
    /// <param name="key">The tenant, metric and usage period.</param>
    /// <param name="units">The units returned, zero or more; the store never goes below zero.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the units are returned.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    ValueTask ReturnAsync(QuotaLeaseKey key, long units, CancellationToken cancellationToken = default);

    /// <summary>Gets the units currently leased for a key, across every process.</summary>
    /// <param name="key">The tenant, metric and usage period.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The total leased; an upper bound of the usage.</returns>
    ValueTask<long> GetLeasedAsync(QuotaLeaseKey key, CancellationToken cancellationToken = default);
}
