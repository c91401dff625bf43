using System.Collections.Concurrent;
using System.Collections.Immutable;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The embedded default <see cref="IDunningStore"/>: records in memory, written at the commit of an
/// <see cref="InMemoryUnitOfWork"/>. Thread-safe; each tenant's record and history are swapped atomically.</summary>
public sealed class InMemoryDunningStore : IDunningStore
{
    private readonly ConcurrentDictionary<TenantId, Entry> _committed = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="unit"/> was not begun by the in-memory factory.</exception>
    public ValueTask<DunningSnapshot?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var memory = InMemoryUnitOfWork.From(unit);
        var pending = memory.GetOrAddPending(this, static () => new Pending());
        var entry = pending.Entry ?? _committed.GetValueOrDefault(unit.Tenant);
        return ValueTask.FromResult(entry?.Snapshot);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="unit"/> was not begun by the in-memory factory, or the snapshot is another tenant's.</exception>
    public ValueTask SaveAsync(ITenantUnitOfWork unit, DunningSnapshot snapshot, IReadOnlyList<DunningTransition> transitions, DunningOverrideRecord? overrideRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(transitions);
        cancellationToken.ThrowIfCancellationRequested();
        var memory = InMemoryUnitOfWork.From(unit);
        if (snapshot.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The snapshot is tenant '{snapshot.Tenant}' but the unit of work is tenant '{unit.Tenant}'; save each tenant in its own unit.", nameof(snapshot));
        }

        var pending = memory.GetOrAddPending(this, static () => new Pending());
        var current = pending.Entry ?? _committed.GetValueOrDefault(unit.Tenant);
        var history = current?.Transitions ?? [];
        var overrides = current?.Overrides ?? [];
        var entry = new Entry(snapshot, history.AddRange(transitions), overrideRecord is null ? overrides : overrides.Add(overrideRecord));
        pending.Entry = entry;
        if (!pending.Registered)
        {
            pending.Registered = true;
            var tenant = unit.Tenant;
            memory.OnCommit(() => _committed[tenant] = pending.Entry!);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<DunningSnapshot?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_committed.GetValueOrDefault(tenant)?.Snapshot);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TenantId>> FindDueAsync(Instant asOf, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<TenantId> due = [.. _committed.Values
            .Select(e => e.Snapshot)
            .Where(s => s.NextDueAt is { } at && at <= asOf)
            .OrderBy(s => s.NextDueAt)
            .ThenBy(s => s.Tenant.Value, StringComparer.Ordinal)
            .Select(s => s.Tenant)];
        return ValueTask.FromResult(due);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DunningSnapshot>> ListInLifecycleAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<DunningSnapshot> rows = [.. _committed.Values
            .Select(e => e.Snapshot)
            .Where(s => s.State != DunningState.Canceled
                && (s.PastDueSince is not null || s.Forced is not null || s.State is DunningState.PastDue or DunningState.Degraded or DunningState.Restricted or DunningState.Suspended or DunningState.Unpaid))
            .OrderBy(s => s.Tenant.Value, StringComparer.Ordinal)];
        return ValueTask.FromResult(rows);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DunningTransition>> GetTransitionsAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<DunningTransition> list = _committed.TryGetValue(tenant, out var entry) ? entry.Transitions : [];
        return ValueTask.FromResult(list);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DunningOverrideRecord>> GetOverridesAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<DunningOverrideRecord> list = _committed.TryGetValue(tenant, out var entry) ? entry.Overrides : [];
        return ValueTask.FromResult(list);
    }

    private sealed record Entry(DunningSnapshot Snapshot, ImmutableList<DunningTransition> Transitions, ImmutableList<DunningOverrideRecord> Overrides);

    private sealed class Pending
    {
        public Entry? Entry { get; set; }

        public bool Registered { get; set; }
    }
}
