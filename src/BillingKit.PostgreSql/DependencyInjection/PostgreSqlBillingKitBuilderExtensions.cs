using BillingKit;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.PostgreSql;
using BillingKit.PostgreSql.Storage;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores on an <see cref="IBillingKitBuilder"/>.</summary>
public static class PostgreSqlBillingKitBuilderExtensions
{
    /// <summary>Stores every BillingKit context in PostgreSQL, reached with <paramref name="connectionString"/>.</summary>
    /// <param name="builder">The builder from <c>AddBillingKitCore()</c> or <c>AddBillingKit()</c>.</param>
    /// <param name="connectionString">The Npgsql connection string; never logged.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or white space.</exception>
    public static IBillingKitBuilder UsePostgreSql(this IBillingKitBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSql(o => o.ConnectionString = connectionString);
    }

    /// <summary>
    /// Stores every BillingKit context in PostgreSQL: replaces the in-memory unit-of-work factory and every store
    /// registration (ledger, dunning, entitlements and quota leases, invoicing, and the desk's audit log, credit approvals,
    /// pay-link revocations, processed provider events, refunds, disputes, scheduled plan changes and tenant accounts), whether the contexts were added before
    /// or after this call. Options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder from <c>AddBillingKitCore()</c> or <c>AddBillingKit()</c>.</param>
    /// <param name="configure">Sets the connection string, schema and migration behaviour.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IBillingKitBuilder UsePostgreSql(this IBillingKitBuilder builder, Action<PostgreSqlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgreSqlOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlOptions>, PostgreSqlOptionsValidator>());
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<PostgreSqlOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
            return new PostgreSqlDatabase(dataSource, options.Schema, options.ApplyMigrationsOnStartup, ownsDataSource: true);
        });
        Replace<IUnitOfWorkFactory, PostgreSqlUnitOfWorkFactory>(services);
        Replace<ILedgerStore, PostgreSqlLedgerStore>(services);
        Replace<IDunningStore, PostgreSqlDunningStore>(services);
        Replace<IEntitlementStore, PostgreSqlEntitlementStore>(services);
        Replace<IQuotaLeaseStore, PostgreSqlQuotaLeaseStore>(services);
        Replace<IInvoiceStore, PostgreSqlInvoiceStore>(services);
        Replace<ISubscriptionStore, PostgreSqlSubscriptionStore>(services);
        Replace<IBillingGroupStore, PostgreSqlBillingGroupStore>(services);
        Replace<IPurchaseOrderStore, PostgreSqlPurchaseOrderStore>(services);
        Replace<IAuditLog, PostgreSqlAuditLog>(services);
        Replace<ICreditApprovalStore, PostgreSqlCreditApprovalStore>(services);
        Replace<IPayLinkRevocationStore, PostgreSqlPayLinkRevocationStore>(services);
        Replace<IProcessedEventStore, PostgreSqlProcessedEventStore>(services);
        Replace<IDeskRefundStore, PostgreSqlDeskRefundStore>(services);
        Replace<IDisputeStore, PostgreSqlDisputeStore>(services);
        Replace<IScheduledPlanChangeStore, PostgreSqlScheduledPlanChangeStore>(services);
        Replace<ITenantAccountStore, PostgreSqlTenantAccountStore>(services);
        return builder;
    }

    private static void Replace<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService, TImplementation>();
    }
}
