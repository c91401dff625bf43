namespace BillingKit.Storage;

/// <summary>
/// A unit of work of the embedded in-memory store: holds the tenant's lock, collects the changes that in-memory
/// stores stage in it, and applies them all at <see cref="CommitAsync"/>.
/// </summary>
/// <remarks>
/// <para>Stores validate everything when they stage a change; the actions applied at commit must not fail.
/// Before commit, stores keep their pending changes in <see cref="GetOrAddPending{T}"/> so that reads within the
/// unit see its own writes.</para>
/// <para>Used by one flow at a time; not thread-safe.</para>
/// </remarks>
public sealed class InMemoryUnitOfWork : ITenantUnitOfWork
{
    private readonly SemaphoreSlim _tenantLock;
    private readonly List<Action> _onCommit = [];
    private readonly List<Action> _onCommitted = [];
    private readonly Dictionary<object, object> _pending = [];
    private bool _disposed;

    internal InMemoryUnitOfWork(TenantId tenant, SemaphoreSlim tenantLock)
    {
        Tenant = tenant;
        _tenantLock = tenantLock;
    }

    /// <inheritdoc />
    public TenantId Tenant { get; }

    /// <inheritdoc />
    public bool IsCommitted { get; private set; }

    /// <summary>Gets the in-memory unit behind <paramref name="unit"/>, or explains why there is none.</summary>
    /// <param name="unit">A unit begun by <see cref="InMemoryUnitOfWorkFactory"/>.</param>
    /// <returns>The in-memory unit.</returns>
    /// <exception cref="ArgumentException"><paramref name="unit"/> was begun by another store.</exception>
    /// <exception cref="InvalidOperationException">The unit was already committed or disposed.</exception>
    public static InMemoryUnitOfWork From(ITenantUnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit is not InMemoryUnitOfWork memory)
        {
            throw new ArgumentException(
                $"An in-memory store was given a {unit.GetType().Name}; register the same storage (in-memory or PostgreSQL) for every store and the unit-of-work factory.",
                nameof(unit));
        }

        memory.ThrowIfClosed();
        return memory;
    }

    /// <summary>Stages an action that applies a change when the unit commits.</summary>
    /// <param name="apply">The change; it runs under the tenant's lock and must not throw.</param>
    /// <exception cref="InvalidOperationException">The unit was already committed or disposed.</exception>
    public void OnCommit(Action apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        ThrowIfClosed();
        _onCommit.Add(apply);
    }

    /// <inheritdoc />
    public void OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfClosed();
        _onCommitted.Add(callback);
    }

    /// <summary>Gets a store's pending state for this unit, creating it on first use.</summary>
    /// <typeparam name="T">The store's pending-state type.</typeparam>
    /// <param name="key">A key private to the store, usually the store instance itself.</param>
    /// <param name="create">Creates the pending state.</param>
    /// <returns>The pending state.</returns>
    public T GetOrAddPending<T>(object key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(create);
        ThrowIfClosed();
        if (!_pending.TryGetValue(key, out var state))
        {
            state = create();
            _pending.Add(key, state);
        }

        return (T)state;
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfClosed();
        foreach (var apply in _onCommit)
        {
            apply();
        }

        IsCommitted = true;
        _onCommit.Clear();
        _pending.Clear();
        var committed = _onCommitted.ToArray();
        _onCommitted.Clear();
        foreach (var callback in committed)
        {
            callback();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _onCommit.Clear();
            _onCommitted.Clear();
            _pending.Clear();
            _tenantLock.Release();
        }

        return ValueTask.CompletedTask;
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsCommitted)
        {
            throw new InvalidOperationException("This unit of work is already committed; begin a new one.");
        }
    }
}
