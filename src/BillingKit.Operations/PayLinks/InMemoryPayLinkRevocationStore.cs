using System.Collections.Concurrent;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The embedded store of pay link revocations.</summary>
/// <remarks>Thread-safe. Revocations are lost when the process stops, which revives revoked links; use the
/// PostgreSQL store in production.</remarks>
public sealed class InMemoryPayLinkRevocationStore : IPayLinkRevocationStore
{
    private readonly ConcurrentDictionary<(TenantId Tenant, string LinkId), Instant> _revoked = new();

    /// <inheritdoc />
    public ValueTask RevokeAsync(ITenantUnitOfWork unit, string linkId, Instant revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        var memory = InMemoryUnitOfWork.From(unit);
        var tenant = unit.Tenant;
        memory.OnCommit(() => _revoked.TryAdd((tenant, linkId), revokedAt));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> IsRevokedAsync(TenantId tenant, string linkId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        return ValueTask.FromResult(_revoked.ContainsKey((tenant, linkId)));
    }
}
