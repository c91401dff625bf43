using System.Net.Sockets;
using Npgsql;

namespace BillingKit.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A throwaway database (<c>bk_&lt;random&gt;</c>) on the server named by BILLINGKIT_TEST_POSTGRES, dropped on dispose,
/// so every test gets its own and tests can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "BILLINGKIT_TEST_POSTGRES";
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests have no server. Run ./test.sh at the repository root: it starts a throwaway PostgreSQL and sets {Variable}. These tests never skip.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = ServerConnectionString;
        var name = "bk_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server named by {Variable} is unreachable ({e.Message}). Run ./test.sh at the repository root, which starts one. These tests never skip.", e);
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>A new connection pool on this database: one per simulated host instance.</summary>
    public NpgsqlDataSource NewDataSource(int maxPoolSize = 20)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = maxPoolSize };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }

        return dataSource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
