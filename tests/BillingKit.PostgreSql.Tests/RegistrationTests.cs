using BillingKit.Ledger;
using BillingKit.PostgreSql.Storage;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.PostgreSql.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void UsePostgreSql_replaces_the_in_memory_factory_and_every_store_whatever_the_order()
    {
        var before = new ServiceCollection();
        before.AddLogging();
        before.AddBillingKitCore().AddLedger().AddDunning().AddEntitlements().AddInvoicing().UsePostgreSql("Host=localhost;Username=u;Password=secret;Database=d");
        var after = new ServiceCollection();
        after.AddLogging();
        after.AddBillingKitCore().UsePostgreSql("Host=localhost;Username=u;Password=secret;Database=d").AddLedger().AddDunning().AddEntitlements().AddInvoicing();

        foreach (var services in new[] { before, after })
        {
            using var provider = services.BuildServiceProvider();
            Assert.IsType<PostgreSqlUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
            Assert.IsType<PostgreSqlLedgerStore>(provider.GetRequiredService<ILedgerStore>());
            Assert.All(
                services.Where(d => d.ServiceType.Namespace?.StartsWith("BillingKit", StringComparison.Ordinal) == true && d.ServiceType.Name.EndsWith("Store", StringComparison.Ordinal)),
                d => Assert.StartsWith("PostgreSql", d.ImplementationType!.Name, StringComparison.Ordinal));
            Assert.Single(services, d => d.ServiceType == typeof(IUnitOfWorkFactory));
        }
    }

    [Fact]
    public void With_the_whole_desk_every_store_and_the_audit_log_are_PostgreSQL()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBillingKit().UsePostgreSql("Host=localhost;Username=u;Database=d");

        var stores = services
            .Where(d => d.ServiceType.IsInterface && d.ServiceType.Namespace?.StartsWith("BillingKit", StringComparison.Ordinal) == true
                && (d.ServiceType.Name.EndsWith("Store", StringComparison.Ordinal) || d.ServiceType == typeof(Operations.IAuditLog) || d.ServiceType == typeof(IUnitOfWorkFactory)))
            .ToArray();

        Assert.Equal(17, stores.Length); // the unit-of-work factory and the 16 store ports of the contexts and the desk
        Assert.All(stores, d => Assert.StartsWith("PostgreSql", d.ImplementationType?.Name ?? "(factory)", StringComparison.Ordinal));
        Assert.Equal(stores.Length, stores.Select(d => d.ServiceType).Distinct().Count());
    }

    [Fact]
    public void Missing_or_invalid_options_fail_validation_without_echoing_the_connection_string()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().UsePostgreSql(o =>
        {
            o.ConnectionString = "Password=hunter2;this is not valid";
            o.Schema = "Bad-Schema";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value);
        Assert.Contains("not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bad-Schema", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);

        var empty = new ServiceCollection();
        empty.AddBillingKitCore().UsePostgreSql(_ => { });
        using var emptyProvider = empty.BuildServiceProvider();
        Assert.Contains("ConnectionString is required", Assert.Throws<OptionsValidationException>(() => emptyProvider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PostgreSQL_store_given_an_in_memory_unit_says_to_register_one_storage()
    {
        await using var unit = await new InMemoryUnitOfWorkFactory().BeginAsync(TenantId.From("tenant-a"));
        var error = Assert.Throws<ArgumentException>(() => PostgreSqlUnitOfWork.From(unit));
        Assert.Contains("register the same storage", error.Message, StringComparison.Ordinal);
    }
}
