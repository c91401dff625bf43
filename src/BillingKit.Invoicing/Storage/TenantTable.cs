using System.Collections.Concurrent;
using BillingKit.Storage;

namespace BillingKit.Invoicing;

/// <summary>
/// One in-memory table of values per tenant, written through <see cref="InMemoryUnitOfWork"/>s: writes are staged in
/// the unit (reads in the unit see them) and applied together when it commits, under the tenant's lock.
/// </summary>
/// <remarks>Thread-safe: readers outside a unit see each committed value whole; units of one tenant are serialized by the factory.</remarks>
internal sealed class TenantTable<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TenantId, ConcurrentDictionary<TKey, TValue>> _committed = new();

    public TValue? Find(ITenantUnitOfWork unit, TKey key)
    {
        var memory = InMemoryUnitOfWork.From(unit);
        var pending = memory.GetOrAddPending(this, () => NewPending(memory));
        if (pending.TryGetValue(key, out var staged))
        {
            return staged;
        }

        return Get(unit.Tenant, key);
    }

    public TValue? Get(TenantId tenant, TKey key) =>
        _committed.TryGetValue(tenant, out var rows) && rows.TryGetValue(key, out var value) ? value : null;

    public void Stage(ITenantUnitOfWork unit, TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var memory = InMemoryUnitOfWork.From(unit);
        var pending = memory.GetOrAddPending(this, () => NewPending(memory));
        pending[key] = value;
    }

    /// <summary>Gets the committed values of a tenant, plus (when a unit is given) its staged ones.</summary>
    public IEnumerable<TValue> All(TenantId tenant, ITenantUnitOfWork? unit = null)
    {
        var committed = _committed.TryGetValue(tenant, out var rows) ? rows : null;
        if (unit is null)
        {
            return committed?.Values ?? Enumerable.Empty<TValue>();
        }

        var memory = InMemoryUnitOfWork.From(unit);
        var pending = memory.GetOrAddPending(this, () => NewPending(memory));
        if (pending.Count == 0)
        {
            return committed?.Values.ToArray() ?? [];
        }

        var merged = committed is null ? new Dictionary<TKey, TValue>() : new Dictionary<TKey, TValue>(committed);
        foreach (var (key, value) in pending)
        {
            merged[key] = value;
        }

        return merged.Values;
    }

    private Dictionary<TKey, TValue> NewPending(InMemoryUnitOfWork memory)
    {
        var pending = new Dictionary<TKey, TValue>();
        var tenant = memory.Tenant;
        memory.OnCommit(() =>
        {
            var rows = _committed.GetOrAdd(tenant, static _ => new ConcurrentDictionary<TKey, TValue>());
            foreach (var (key, value) in pending)
            {
                rows[key] = value;
            }
        });
        return pending;
    }
}
