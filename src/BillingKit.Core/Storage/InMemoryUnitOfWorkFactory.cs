using System.Collections.Concurrent;

namespace BillingKit.Storage;

/// <summary>
/// The embedded default: begins <see cref="InMemoryUnitOfWork"/>s, serialized per tenant by a lock, so that
/// units for different tenants run in parallel and units for one tenant run one at a time.
/// </summary>
/// <remarks>Thread-safe. Register one instance per process and share it between every in-memory store.</remarks>
public sealed class InMemoryUnitOfWorkFactory : IUnitOfWorkFactory
{
    private readonly ConcurrentDictionary<TenantId, SemaphoreSlim> _tenantLocks = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is <c>default</c>.</exception>
    public async ValueTask<ITenantUnitOfWork> BeginAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenant.Value))
        {
            throw new ArgumentException("A unit of work needs a tenant; default(TenantId) is not one.", nameof(tenant));
        }

        var tenantLock = _tenantLocks.GetOrAdd(tenant, static _ => new SemaphoreSlim(1, 1));
        await tenantLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new InMemoryUnitOfWork(tenant, tenantLock);
    }
}
