using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BillingKit.Storage;

namespace BillingKit.Entitlements;

/// <summary>The embedded default configuration store, over <see cref="InMemoryUnitOfWork"/>. Thread-safe.</summary>
public sealed class InMemoryEntitlementStore : IEntitlementStore
{
    private readonly ConcurrentDictionary<TenantId, TenantEntitlements> _committed = new();

    /// <inheritdoc />
    public ValueTask<TenantEntitlements?> GetAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_committed.GetValueOrDefault(tenant));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="unit"/> was not begun by the in-memory factory.</exception>
    public ValueTask<TenantEntitlements?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = Pending(InMemoryUnitOfWork.From(unit));
        return ValueTask.FromResult(pending.Config ?? _committed.GetValueOrDefault(unit.Tenant));
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(ITenantUnitOfWork unit, TenantEntitlements config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        cancellationToken.ThrowIfCancellationRequested();
        var memory = InMemoryUnitOfWork.From(unit);
        if (config.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The configuration is for tenant '{config.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(config));
        }

        var pending = Pending(memory);
        if (pending.Config is null)
        {
            memory.OnCommit(() =>
            {
                var final = pending.Config!;
                _committed[final.Tenant] = final;
            });
        }

        pending.Config = config;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TenantEntitlements> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var config in _committed.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return config;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private PendingChange Pending(InMemoryUnitOfWork unit) => unit.GetOrAddPending(this, static () => new PendingChange());

    private sealed class PendingChange
    {
        public TenantEntitlements? Config { get; set; }
    }
}
