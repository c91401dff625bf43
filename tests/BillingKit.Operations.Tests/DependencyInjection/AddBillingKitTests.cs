using System.Reflection;
using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.Operations.Tests.DependencyInjection;

public class AddBillingKitTests
{
    /// <summary>Every public class of the desk with a desk action or query: what a host resolves.</summary>
    public static IReadOnlyList<Type> PublicDeskServices() =>
        [
            .. typeof(DeskActionAttribute).Assembly.GetExportedTypes()
                .Where(t => t.IsClass && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Any(m => m.GetCustomAttribute<DeskActionAttribute>() is not null || m.GetCustomAttribute<DeskQueryAttribute>() is not null)),
        ];

    [Fact]
    public async Task A_provider_built_from_AddBillingKit_resolves_every_public_desk_service_and_the_contexts()
    {
        var services = new ServiceCollection();
        services.AddBillingKit();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var desk = PublicDeskServices();
        Assert.Contains(typeof(TenantDirectory), desk);
        Assert.Contains(typeof(DeskViews), desk);
        Assert.Contains(typeof(DunningDesk), desk);
        Assert.Contains(typeof(EntitlementDesk), desk);
        Assert.Contains(typeof(PurchaseOrderDesk), desk);
        Assert.Contains(typeof(BillingReports), desk);
        Assert.Contains(typeof(AuditLogDesk), desk);
        Assert.Contains(typeof(PayLinkDesk), desk);
        foreach (var type in desk)
        {
            Assert.NotNull(provider.GetRequiredService(type));
        }

        Type[] contexts =
        [
            typeof(LedgerService), typeof(DunningService), typeof(DunningProcessor), typeof(EntitlementService), typeof(EntitlementGate),
            typeof(InvoiceService), typeof(SubscriptionService), typeof(PurchaseOrderService), typeof(BillingGroupService),
            typeof(IPaymentProviderRegistry), typeof(ProviderHealthMonitor), typeof(IAuditLog), typeof(ITenantAccountStore), typeof(IUnitOfWorkFactory),
        ];
        foreach (var type in contexts)
        {
            Assert.NotNull(provider.GetRequiredService(type));
        }

        Assert.IsType<InMemoryTenantAccountStore>(provider.GetRequiredService<ITenantAccountStore>());
        Assert.IsType<InMemoryUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
        Assert.True(provider.GetRequiredService<IPaymentProviderRegistry>().TryGetProvider(ProviderName.Offline, null, out _));
    }

    [Fact]
    public void Options_reach_each_context_and_the_desk()
    {
        var services = new ServiceCollection();
        services.AddBillingKit(o =>
        {
            o.Ledger.MaxPageSize = 200;
            o.Dunning.RetryScheduleDays = [2, 5];
            o.Invoicing.NumberFormat = "ACME-{seq:0000}";
            o.Entitlements.Plans.Add(Plan.Create(PlanId.From("pro"), "Pro").WithQuota(Metric.Verifications, 10));
            o.Desk.RefundPolicy.AccidentalRenewalWindow = TimeSpan.FromDays(3);
            o.Views.RecentItems = 5;
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(200, provider.GetRequiredService<IOptions<LedgerOptions>>().Value.MaxPageSize);
        Assert.Equal([2, 5], provider.GetRequiredService<IOptions<DunningOptions>>().Value.RetryScheduleDays);
        Assert.Equal("ACME-{seq:0000}", provider.GetRequiredService<IOptions<InvoicingOptions>>().Value.NumberFormat);
        Assert.Single(provider.GetRequiredService<IOptions<EntitlementOptions>>().Value.Plans);
        Assert.Equal(TimeSpan.FromDays(3), provider.GetRequiredService<IOptions<BillingDeskOptions>>().Value.RefundPolicy.AccidentalRenewalWindow);
        Assert.Equal(5, provider.GetRequiredService<IOptions<DeskViewOptions>>().Value.RecentItems);
    }

    [Fact]
    public void Bad_options_fail_at_start_up_with_a_message_that_names_the_option()
    {
        var services = new ServiceCollection();
        services.AddBillingKit(o =>
        {
            o.Views.RecentItems = 0;
            o.Views.LookupLimit = 10_000;
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BillingKit.Views.RecentItems", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must be from 1 to 100, was 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("BillingKit.Views.LookupLimit", failure.Message, StringComparison.Ordinal);
        Assert.Contains("must be from 1 to 500, was 10000.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_context_option_fails_at_start_up_too()
    {
        var services = new ServiceCollection();
        services.AddBillingKit(o => o.Desk.Escalations.MassPaymentFailure.FailureRateThreshold = 1.5m);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = failure.Message;
        Assert.Contains("must be from 0 up to (not including) 1", message, StringComparison.Ordinal);
        Assert.Contains("BillingDesk.Escalations.MassPaymentFailure.FailureRateThreshold", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_it_twice_is_harmless_and_both_configurations_apply()
    {
        var services = new ServiceCollection();
        services.AddBillingKit(o => o.Views.RecentItems = 7);
        var count = services.Count;
        services.AddBillingKit(o => o.Views.LookupLimit = 9);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Single(services, d => d.ServiceType == typeof(ITenantAccountStore));
        Assert.Single(services, d => d.ServiceType == typeof(DeskViews));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DeskViewOptions>));
        Assert.Single(provider.GetRequiredService<IPaymentProviderRegistry>().Registrations, r => r.Provider == ProviderName.Offline);
        var added = services.Skip(count).Select(d => d.ServiceType).Where(t => !t.IsGenericType || t.GetGenericTypeDefinition() != typeof(IConfigureOptions<>));
        Assert.Empty(added);
        var views = provider.GetRequiredService<IOptions<DeskViewOptions>>().Value;
        Assert.Equal((7, 9), (views.RecentItems, views.LookupLimit));
    }

    [Fact]
    public void A_hosts_own_tenant_store_registered_first_wins()
    {
        var store = new InMemoryTenantAccountStore();
        var services = new ServiceCollection();
        services.AddSingleton<ITenantAccountStore>(store);
        services.AddBillingKit();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ITenantAccountStore>());
    }
}
