using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>Stores revoked pay links. The in-memory default is <see cref="InMemoryPayLinkRevocationStore"/>.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IPayLinkRevocationStore
{
    /// <summary>Stages a revocation in a unit of work; it takes effect when the unit commits. Revoking twice is harmless.</summary>
    /// <param name="unit">The unit of work of the link's tenant.</param>
    /// <param name="linkId">The link's id.</param>
    /// <param name="revokedAt">When it was revoked.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when staged.</returns>
    /// <exception cref="ArgumentException"><paramref name="linkId"/> is empty.</exception>
    ValueTask RevokeAsync(ITenantUnitOfWork unit, string linkId, Instant revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Tells whether a committed revocation exists for a link.</summary>
    /// <param name="tenant">The link's tenant.</param>
    /// <param name="linkId">The link's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when revoked.</returns>
    ValueTask<bool> IsRevokedAsync(TenantId tenant, string linkId, CancellationToken cancellationToken = default);
}
