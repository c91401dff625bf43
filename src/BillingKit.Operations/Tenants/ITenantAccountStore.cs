using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The storage port of the desk's tenant directory. Writes and the reads that decide them take the tenant's
/// <see cref="ITenantUnitOfWork"/>; other reads see committed accounts. <see cref="InMemoryTenantAccountStore"/> is
/// the embedded default; the PostgreSQL package implements the same port.
/// </summary>
public interface ITenantAccountStore
{
    /// <summary>Reads the unit's tenant account, including what the unit staged.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account, or <see langword="null"/> when the tenant is not registered.</returns>
    ValueTask<TenantAccount?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default);

    /// <summary>Stages the unit's tenant account (new or changed); it is stored when the unit commits.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="account">The account; its tenant is the unit's.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the account is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, TenantAccount account, CancellationToken cancellationToken = default);

    /// <summary>Reads a committed tenant account.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    ValueTask<TenantAccount?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Lists every committed account, ordered by name (ordinal, ignoring case) then tenant id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The accounts.</returns>
    ValueTask<IReadOnlyList<TenantAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds committed accounts that match a lookup (<see cref="TenantAccount.Matches"/>), ordered like
    /// <see cref="ListAsync"/>.</summary>
    /// <param name="text">What the desk typed.</param>
    /// <param name="limit">The most accounts to return, at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching accounts, at most <paramref name="limit"/>.</returns>
    ValueTask<IReadOnlyList<TenantAccount>> SearchAsync(string text, int limit, CancellationToken cancellationToken = default);
}
