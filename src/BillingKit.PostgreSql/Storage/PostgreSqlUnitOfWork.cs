using BillingKit.Storage;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// A PostgreSQL unit of work: one connection and one transaction that holds the tenant's advisory lock, so units of
/// one tenant run one at a time across every host instance. Committing commits the transaction and then runs the
/// after-commit callbacks stores registered; disposing without committing rolls everything back.
/// </summary>
internal sealed class PostgreSqlUnitOfWork : ITenantUnitOfWork
{
    private readonly List<Action> _afterCommit = [];
    private readonly Dictionary<object, object> _state = [];
    private bool _disposed;

    internal PostgreSqlUnitOfWork(TenantId tenant, NpgsqlConnection connection, NpgsqlTransaction transaction, PostgreSqlDatabase database)
    {
        Tenant = tenant;
        Connection = connection;
        Transaction = transaction;
        Database = database;
    }

    public TenantId Tenant { get; }

    public bool IsCommitted { get; private set; }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public PostgreSqlDatabase Database { get; }

    /// <summary>Gets the PostgreSQL unit behind <paramref name="unit"/>, open and not yet committed.</summary>
    /// <exception cref="ArgumentException">The unit came from another storage (the in-memory factory, say).</exception>
    public static PostgreSqlUnitOfWork From(ITenantUnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit is not PostgreSqlUnitOfWork postgres)
        {
            throw new ArgumentException(
                $"A PostgreSQL store was given a {unit.GetType().Name}; register the same storage (in-memory or PostgreSQL) for every store and the unit-of-work factory, for example by calling UsePostgreSql after adding every context.",
                nameof(unit));
        }

        postgres.ThrowIfClosed();
        return postgres;
    }

    /// <summary>Creates a command in this unit's transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(Database.Sql(sql), Connection, Transaction);

    /// <summary>Gets per-unit state a store keeps under <paramref name="key"/> (created on first use).</summary>
    public T State<T>(object key, Func<T> create)
        where T : class
    {
        ThrowIfClosed();
        if (!_state.TryGetValue(key, out var state))
        {
            state = create();
            _state.Add(key, state);
        }

        return (T)state;
    }

    public void OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfClosed();
        _afterCommit.Add(callback);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        IsCommitted = true;
        var callbacks = _afterCommit.ToArray();
        _afterCommit.Clear();
        foreach (var callback in callbacks)
        {
            callback();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _afterCommit.Clear();
        try
        {
            // Disposing an uncommitted transaction rolls it back; on a broken connection the server already has.
            await Transaction.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the server rolled the transaction back when the session ended.
        }
        finally
        {
            await Connection.DisposeAsync().ConfigureAwait(false);
        }
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
