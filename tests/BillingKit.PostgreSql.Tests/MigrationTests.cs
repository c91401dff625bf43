using BillingKit.PostgreSql.Tests.Infrastructure;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BillingKit.PostgreSql.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_instances_migrating_at_once_apply_each_migration_exactly_once()
    {
        var first = _database.NewDataSource();
        var second = _database.NewDataSource();

        var runs = await Task.WhenAll(
            PostgreSqlMigrator.MigrateAsync(first, "billingkit"),
            PostgreSqlMigrator.MigrateAsync(second, "billingkit"));

        Assert.Equal(PostgreSqlMigrator.Migrations.All.Select(m => m.Name), runs.SelectMany(r => r), StringComparer.Ordinal);
        Assert.Contains(runs, r => r.Count == 0);
        Assert.Equal(PostgreSqlMigrator.Migrations.All.Count, await CountAsync(first, "SELECT COUNT(*) FROM billingkit.billingkit_schema_migrations"));
        Assert.Empty(await PostgreSqlMigrator.MigrateAsync(first, "billingkit"));
    }

    [Fact]
    public async Task Migrations_are_versioned_embedded_and_only_add()
    {
        var all = PostgreSqlMigrator.Migrations.All;
        Assert.NotEmpty(all);
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(m => m.Version));
        Assert.All(all, m => Assert.Matches(@"^V\d{3}__[a-z0-9_]+$", m.Name));
        Assert.All(all, m => Assert.DoesNotMatch(@"(?i)\b(DROP|TRUNCATE|DELETE)\b", m.Sql));
        var dataSource = _database.NewDataSource();
        await PostgreSqlMigrator.MigrateAsync(dataSource, "tenant_books");
        Assert.Equal(1, await CountAsync(dataSource, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'tenant_books' AND table_name = 'ledger_payments'"));
    }

    [Fact]
    public async Task A_changed_applied_migration_is_refused_rather_than_reapplied()
    {
        var dataSource = _database.NewDataSource();
        await PostgreSqlMigrator.MigrateAsync(dataSource);
        await CountAsync(dataSource, "UPDATE billingkit.billingkit_schema_migrations SET checksum = 'edited' WHERE version = 1 RETURNING 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlMigrator.MigrateAsync(dataSource));
        Assert.Contains("must never change", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_migrations_on_start_up_the_first_unit_creates_the_schema_and_without_them_nothing_is_created()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().UsePostgreSql(o =>
        {
            o.ConnectionString = _database.ConnectionString;
            o.Schema = "manual";
            o.ApplyMigrationsOnStartup = false;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            await using var unit = await provider.GetRequiredService<IUnitOfWorkFactory>().BeginAsync(TenantId.From("tenant-a"));
        }

        var dataSource = _database.NewDataSource();
        Assert.Equal(0, await CountAsync(dataSource, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'manual'"));

        await using var stores = await Stores.PostgreSqlAsync();
        await using (var unit = await stores.Units.BeginAsync(TenantId.From("tenant-a")))
        {
            await unit.CommitAsync();
        }

        await using var check = NpgsqlDataSource.Create(stores.Database.ConnectionString);
        Assert.Equal(PostgreSqlMigrator.Migrations.All.Count, await CountAsync(check, "SELECT COUNT(*) FROM billingkit.billingkit_schema_migrations"));
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => PostgreSqlMigrator.MigrateAsync(_database.NewDataSource(), "billing; DROP TABLE x"));

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
