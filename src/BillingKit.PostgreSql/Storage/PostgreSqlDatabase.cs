using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>
/// The database the stores share: one <see cref="NpgsqlDataSource"/> (connection pool), the schema name, and the
/// once-per-process migration run that precedes the first use when <see cref="PostgreSqlOptions.ApplyMigrationsOnStartup"/> is set.
/// </summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly bool _migrate;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly bool _ownsDataSource;
    private volatile bool _ready;

    public PostgreSqlDatabase(NpgsqlDataSource dataSource, string schema, bool applyMigrations, bool ownsDataSource = false)
    {
        _ownsDataSource = ownsDataSource;
        ArgumentNullException.ThrowIfNull(dataSource);
        DataSource = dataSource;
        Schema = SchemaName.Require(schema);
        _migrate = applyMigrations;
        _ready = !applyMigrations;
    }

    public NpgsqlDataSource DataSource { get; }

    public string Schema { get; }

    /// <summary>Writes the schema name into a statement written with <c>{schema}</c> placeholders.</summary>
    public string Sql(string text) => text.Replace("{schema}", Schema, StringComparison.Ordinal);

    public async ValueTask EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready && _migrate)
            {
                await PostgreSqlMigrator.MigrateAsync(DataSource, Schema, cancellationToken).ConfigureAwait(false);
            }

            _ready = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _migrationGate.Dispose();
        if (_ownsDataSource)
        {
            DataSource.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        if (_ownsDataSource)
        {
            await DataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
