using System.Text.RegularExpressions;
using Npgsql;

namespace BillingKit.Sample.Tests;

/// <summary>
/// The sample over the PostgreSQL store, on the server named by BILLINGKIT_TEST_POSTGRES (./test.sh starts one and
/// sets it). Like the PostgreSQL package's tests, these never skip.
/// </summary>
public sealed class PostgreSqlTests
{
    private const string Variable = "BILLINGKIT_TEST_POSTGRES";

    [Fact]
    public async Task The_demo_runs_over_PostgreSQL_in_a_schema_of_its_own()
    {
        var server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set, so there is no PostgreSQL server. Run ./test.sh at the repository root: it starts a throwaway PostgreSQL and sets {Variable}.");

        var pdf = Path.Combine(Path.GetTempPath(), $"billingkit-sample-pg-{Guid.NewGuid():N}.pdf");
        var run = await SampleRun.RunAsync("demo", "--postgres", server, "--pdf", pdf);
        var schema = Regex.Match(run.Output, @"schema (?<schema>billingkit_sample_[0-9a-f]{12})").Groups["schema"].Value;
        try
        {
            run.ShouldSucceed();
            Assert.NotEmpty(schema);
            Assert.Contains("records the wire against INV-2026-00004 ($6,000.00, PO PO-7790): invoice Paid", run.Output, StringComparison.Ordinal);
            Assert.Contains("Tenants dashboard (2026-03-31 18:00 UTC)", run.Output, StringComparison.Ordinal);

            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}'", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0, "The run's schema holds BillingKit's tables.");
        }
        finally
        {
            File.Delete(pdf);
            if (schema.Length > 0)
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [Fact]
    public async Task An_unreachable_server_is_a_clear_error()
    {
        var run = await SampleRun.RunAsync("tenants", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");

        run.ShouldFail(4, "Database unavailable");
    }
}
