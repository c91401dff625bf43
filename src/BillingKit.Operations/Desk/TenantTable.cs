using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The storage behind the desk's small in-memory stores: rows per tenant and id, writes staged in the unit of work
/// (reads in the same unit see them) and applied when it commits. Thread-safe.
/// </summary>
/// <typeparam name="T">The row type (an immutable record).</typeparam>
internal sealed class TenantTable<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, string Id), T> _rows = [];
    private readonly List<(TenantId Tenant, string Id)> _order = [];

    public T? Find(ITenantUnitOfWork unit, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var pending = Pending(unit);
        return pending.TryGetValue(id, out var staged) ? staged : Committed(unit.Tenant, id);
    }

    public T? FindCommitted(TenantId tenant, string id) => Committed(tenant, id);

    public IReadOnlyList<T> Where(ITenantUnitOfWork unit, Func<T, bool> predicate)
    {
        var pending = Pending(unit);
        var tenant = unit.Tenant;
        List<T> found;
        lock (_gate)
        {
            found =
            [
                .. _order.Where(key => key.Tenant == tenant && !pending.ContainsKey(key.Id))
                    .Select(key => _rows[key])
                    .Where(predicate),
            ];
        }

        found.AddRange(pending.Values.Where(predicate));
        return found;
    }

    public IReadOnlyList<T> WhereCommitted(TenantId? tenant, Func<T, bool> predicate)
    {
        lock (_gate)
        {
            return [.. _order.Where(key => tenant is not { } t || key.Tenant == t).Select(key => _rows[key]).Where(predicate)];
        }
    }

    public void Stage(ITenantUnitOfWork unit, string id, T row)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(row);
        var memory = InMemoryUnitOfWork.From(unit);
        var pending = Pending(unit);
        var first = pending.Count == 0;
        pending[id] = row;
        if (first)
        {
            var tenant = memory.Tenant;
            memory.OnCommit(() => Commit(tenant, pending));
        }
    }

    private Dictionary<string, T> Pending(ITenantUnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return InMemoryUnitOfWork.From(unit).GetOrAddPending(this, static () => new Dictionary<string, T>(StringComparer.Ordinal));
    }

    private T? Committed(TenantId tenant, string id)
    {
        lock (_gate)
        {
            return _rows.TryGetValue((tenant, id), out var row) ? row : null;
        }
    }

    private void Commit(TenantId tenant, Dictionary<string, T> pending)
    {
        lock (_gate)
        {
            foreach (var (id, row) in pending)
            {
                if (_rows.TryAdd((tenant, id), row))
                {
                    _order.Add((tenant, id));
                }
                else
                {
                    _rows[(tenant, id)] = row;
                }
            }
        }
    }
}
