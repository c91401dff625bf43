using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Storage;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Infrastructure;

/// <summary>Every store port and the unit-of-work factory of one storage (in-memory or PostgreSQL), built through DI as a host would.</summary>
public sealed class Stores : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TestDatabase? _database;
    private readonly bool _ownsDatabase;

    private Stores(ServiceProvider provider, FakeClock clock, TestDatabase? database, bool ownsDatabase)
    {
        _provider = provider;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
    }

    public FakeClock Clock { get; }

    public bool IsPostgreSql => _database is not null;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The in-memory stores have no database.");

    public IServiceProvider Services => _provider;

    public IUnitOfWorkFactory Units => _provider.GetRequiredService<IUnitOfWorkFactory>();

    public ILedgerStore Ledger => _provider.GetRequiredService<ILedgerStore>();

    public LedgerService LedgerService => _provider.GetRequiredService<LedgerService>();

    public IDunningStore Dunning => _provider.GetRequiredService<IDunningStore>();

    public IEntitlementStore Entitlements => _provider.GetRequiredService<IEntitlementStore>();

    public IQuotaLeaseStore Leases => _provider.GetRequiredService<IQuotaLeaseStore>();

    public EntitlementGate Gate => _provider.GetRequiredService<EntitlementGate>();

    public EntitlementService EntitlementService => _provider.GetRequiredService<EntitlementService>();

    public IInvoiceStore Invoices => _provider.GetRequiredService<IInvoiceStore>();

    public ISubscriptionStore Subscriptions => _provider.GetRequiredService<ISubscriptionStore>();

    public IBillingGroupStore BillingGroups => _provider.GetRequiredService<IBillingGroupStore>();

    public IPurchaseOrderStore PurchaseOrders => _provider.GetRequiredService<IPurchaseOrderStore>();

    public IAuditLog AuditLog => _provider.GetRequiredService<IAuditLog>();

    public ICreditApprovalStore CreditApprovals => _provider.GetRequiredService<ICreditApprovalStore>();

    public IPayLinkRevocationStore PayLinks => _provider.GetRequiredService<IPayLinkRevocationStore>();

    public IProcessedEventStore ProcessedEvents => _provider.GetRequiredService<IProcessedEventStore>();

    public IDeskRefundStore Refunds => _provider.GetRequiredService<IDeskRefundStore>();

    public IDisputeStore Disputes => _provider.GetRequiredService<IDisputeStore>();

    public IScheduledPlanChangeStore ScheduledPlanChanges => _provider.GetRequiredService<IScheduledPlanChangeStore>();

    public ITenantAccountStore TenantAccounts => _provider.GetRequiredService<ITenantAccountStore>();

    public static Task<Stores> InMemoryAsync() => Task.FromResult(Build(null));

    public static async Task<Stores> PostgreSqlAsync(Action<EntitlementOptions> entitlements) => Build(await TestDatabase.CreateAsync(), entitlements: entitlements);

    public static async Task<Stores> PostgreSqlAsync() => Build(await TestDatabase.CreateAsync());

    /// <summary>Another host instance on the same database: its own DI container, connection pool and in-process state.</summary>
    public Stores SecondInstance(Action<EntitlementOptions>? entitlements = null) =>
        Build(_database ?? throw new InvalidOperationException("Only PostgreSQL stores have a second instance."), ownsDatabase: false, entitlements);

    private static Stores Build(TestDatabase? database, bool ownsDatabase = true, Action<EntitlementOptions>? entitlements = null)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 9, 30));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(clock);
        var builder = services.AddBillingKitCore();
        builder.AddLedger().AddDunning().AddEntitlements(entitlements).AddInvoicing();

        // The desk's in-memory stores, registered as the Operations package does (TryAdd), so UsePostgreSql replaces them.
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<ICreditApprovalStore, InMemoryCreditApprovalStore>();
        services.TryAddSingleton<IPayLinkRevocationStore, InMemoryPayLinkRevocationStore>();
        services.TryAddSingleton<IProcessedEventStore, InMemoryProcessedEventStore>();
        services.TryAddSingleton<IDeskRefundStore, InMemoryDeskRefundStore>();
        services.TryAddSingleton<IDisputeStore, InMemoryDisputeStore>();
        services.TryAddSingleton<IScheduledPlanChangeStore, InMemoryScheduledPlanChangeStore>();
        services.TryAddSingleton<ITenantAccountStore, InMemoryTenantAccountStore>();
        if (database is not null)
        {
            builder.UsePostgreSql(database.ConnectionString);
        }

        return new Stores(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), clock, database, ownsDatabase);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
