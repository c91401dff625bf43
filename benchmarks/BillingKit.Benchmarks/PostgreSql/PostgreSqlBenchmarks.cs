using System.Globalization;
using BenchmarkDotNet.Attributes;
using BillingKit.Entitlements;
using BillingKit.Ledger;
using BillingKit.PostgreSql;
using BillingKit.PostgreSql.Storage;
using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace BillingKit.Benchmarks.PostgreSql;

/// <summary>
/// Ledger postings and quota lease round trips against a local PostgreSQL, beside the same operations on the
/// in-memory stores (the baseline). The server comes from BILLINGKIT_BENCH_POSTGRES (an Npgsql connection string of a
/// user that may create databases); the benchmark creates a throwaway database and drops it afterwards.
/// </summary>
[MemoryDiagnoser]
public class PostgreSqlBenchmarks
{
    private const string Variable = "BILLINGKIT_BENCH_POSTGRES";
    private static readonly LocalDate Due = new(2026, 1, 31);
    private static readonly CustomerId Customer = CustomerId.From("cus_bench");
    private static readonly TenantId Tenant = TenantId.From("ten_bench");
    private static readonly QuotaLeaseKey LeaseKey = new(Tenant, "verifications", Instant.FromUtc(2026, 1, 1, 0, 0));

    private LedgerService _memoryLedger = null!;
    private LedgerService _postgresLedger = null!;
    private InMemoryQuotaLeaseStore _memoryLeases = null!;
    private PostgreSqlQuotaLeaseStore _postgresLeases = null!;
    private NpgsqlDataSource _dataSource = null!;
    private string _server = null!;
    private string _databaseName = null!;
    private long _keys;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "In-memory: post a charge (1 unit, 1 transaction)")]
    public Task<LedgerTransaction> InMemoryPostCharge() => _memoryLedger.PostChargeAsync(Tenant, Charge());

    [Benchmark(Description = "PostgreSQL: post a charge (1 unit, 1 transaction)")]
    public Task<LedgerTransaction> PostgreSqlPostCharge() => _postgresLedger.PostChargeAsync(Tenant, Charge());

    [Benchmark(Description = "PostgreSQL: balance read (running totals)")]
    public ValueTask<LedgerBalances> PostgreSqlBalanceRead() => _postgresLedger.GetBalancesAsync(Tenant, Currency.USD);

    [Benchmark(Description = "In-memory: lease 1,000 units of quota")]
    public ValueTask<long> InMemoryLease() => _memoryLeases.AcquireAsync(LeaseKey, 1_000, long.MaxValue);

    [Benchmark(Description = "PostgreSQL: lease 1,000 units of quota (1 round trip)")]
    public ValueTask<long> PostgreSqlLease() => _postgresLeases.AcquireAsync(LeaseKey, 1_000, long.MaxValue);

    private async Task SetupAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL benchmarks need a local server: set {Variable} to an Npgsql connection string of a user that may create databases (for example Host=/tmp/pg;Username=billingkit;Database=postgres).");
        _databaseName = "bk_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { Database = _databaseName }.ConnectionString);
        await PostgreSqlMigrator.MigrateAsync(_dataSource).ConfigureAwait(false);
        var database = new PostgreSqlDatabase(_dataSource, "billingkit", applyMigrations: false);
        var clock = new FrozenClock();
        var options = Options.Create(new LedgerOptions());
        _memoryLedger = new LedgerService(new InMemoryLedgerStore(), new InMemoryUnitOfWorkFactory(), clock, options);
        _postgresLedger = new LedgerService(new PostgreSqlLedgerStore(database), new PostgreSqlUnitOfWorkFactory(database), clock, options);
        _memoryLeases = new InMemoryQuotaLeaseStore();
        _postgresLeases = new PostgreSqlQuotaLeaseStore(database);
        for (var i = 0; i < 1_000; i++)
        {
            await _postgresLedger.PostChargeAsync(Tenant, Charge()).ConfigureAwait(false);
        }
    }

    private async Task CleanupAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private ChargeRequest Charge() => new()
    {
        IdempotencyKey = IdempotencyKey.From("k" + Interlocked.Increment(ref _keys).ToString(CultureInfo.InvariantCulture)),
        Actor = Actor.System,
        Amount = BillingKit.Money.FromMinorUnits(1_00, Currency.USD),
        DueDate = Due,
        Customer = Customer,
    };

    private sealed class FrozenClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2026, 1, 15, 12, 0);
    }
}
