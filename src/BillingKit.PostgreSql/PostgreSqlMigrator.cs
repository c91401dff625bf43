using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BillingKit.PostgreSql;

/// <summary>
/// Creates and upgrades the BillingKit schema with the versioned SQL migrations embedded in this package
/// (<c>V001__initial_schema.sql</c>, ...), each recorded in <c>billingkit_schema_migrations</c> and applied once.
/// </summary>
/// <remarks>
/// Safe to run from several host instances at once: a session advisory lock, keyed on the schema name, lets one run
/// apply the pending migrations while the others wait and then find nothing left to do. Each migration commits in
/// its own transaction together with its record, so a failure leaves the previous version intact. Migrations only
/// add (tables, columns, indexes); none drops data.
/// </remarks>
public static class PostgreSqlMigrator
{
    private const int MigrationLockSpace = 0x424B4D47; // "BKMG"
    private const string ResourcePrefix = "BillingKit.PostgreSql.Migrations.";

    /// <summary>Applies every pending migration to the database behind <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The data source of the BillingKit database; its user needs the right to create a schema and tables.</param>
    /// <param name="schema">The schema to create or upgrade; default <c>billingkit</c>.</param>
    /// <param name="cancellationToken">Cancels the run; a migration being applied then rolls back.</param>
    /// <returns>The names of the migrations applied by this call, in order; empty when the schema was up to date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="schema"/> is not a plain lower-case identifier.</exception>
    /// <exception cref="InvalidOperationException">An applied migration was changed since it ran (its checksum differs).</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, string schema = "billingkit", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        SchemaName.Require(schema);
        var applied = new List<string>();
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@space, @key)", cancellationToken, ("space", MigrationLockSpace), ("key", StableHash.Of(schema))).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, null, $"CREATE SCHEMA IF NOT EXISTS {schema}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    null,
                    $"""
                    CREATE TABLE IF NOT EXISTS {schema}.billingkit_schema_migrations (
                        version     INT         NOT NULL PRIMARY KEY,
                        name        TEXT        NOT NULL,
                        checksum    TEXT        NOT NULL,
                        applied_at  TIMESTAMPTZ NOT NULL DEFAULT now())
                    """,
                    cancellationToken).ConfigureAwait(false);
                await ApplyPendingAsync(connection, schema, applied, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@space, @key)", CancellationToken.None, ("space", MigrationLockSpace), ("key", StableHash.Of(schema))).ConfigureAwait(false);
            }
        }

        return applied;
    }

    private static async Task ApplyPendingAsync(NpgsqlConnection connection, string schema, List<string> applied, CancellationToken cancellationToken)
    {
        var done = await ReadAppliedAsync(connection, schema, cancellationToken).ConfigureAwait(false);
        foreach (var migration in Migrations.All)
        {
            var checksum = migration.Checksum;
            if (done.TryGetValue(migration.Version, out var stored))
            {
                if (!string.Equals(stored, checksum, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Name} was applied with checksum {stored} but the package now holds {checksum}; applied migrations must never change. Add a new migration instead.");
                }

                continue;
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, migration.Sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO {schema}.billingkit_schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                    cancellationToken,
                    ("version", migration.Version),
                    ("name", migration.Name),
                    ("checksum", checksum)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            applied.Add(migration.Name);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var done = new Dictionary<int, string>();
        var command = new NpgsqlCommand($"SELECT version, checksum FROM {schema}.billingkit_schema_migrations", connection);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                done[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        return done;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The embedded migration scripts, in version order.</summary>
    internal static class Migrations
    {
        public static IReadOnlyList<Migration> All { get; } = Load();

        private static Migration[] Load()
        {
            var assembly = typeof(PostgreSqlMigrator).Assembly;
            return assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(ResourcePrefix + "V", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n =>
                {
                    var name = n[ResourcePrefix.Length..^4];
                    var version = int.Parse(name.AsSpan(1, name.IndexOf("__", StringComparison.Ordinal) - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    return new Migration(version, name, reader.ReadToEnd().ReplaceLineEndings("\n"));
                })
                .OrderBy(m => m.Version)
                .ToArray();
        }
    }

    /// <summary>One embedded migration.</summary>
    internal sealed record Migration(int Version, string Name, string Sql)
    {
        public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }
}
