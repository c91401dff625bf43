using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Operations;
using BillingKit.PostgreSql.Tests.Infrastructure;
using BillingKit.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.PostgreSql.Tests;

/// <summary>The desk's plan change at period end and its processor, end to end on PostgreSQL as a host wires them.</summary>
public sealed class ScheduledPlanChangeOnPostgreSqlTests
{
    private static readonly TenantId Tenant = TenantId.From("ten_acme");
    private static readonly PlanId Starter = PlanId.From("starter");
    private static readonly PlanId Growth = PlanId.From("growth");

    [Fact]
    public async Task A_downgrade_at_period_end_switches_the_entitlements_when_the_period_ends_and_running_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = FakeClock.AtNewYear2026();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(clock);
        services.AddBillingKit(o =>
        {
            o.Entitlements.Plans.Add(Plan.Create(Starter, "Starter").WithQuota(Metric.Seats, 5));
            o.Entitlements.Plans.Add(Plan.Create(Growth, "Growth").WithQuota(Metric.Seats, 50));
        }).UsePostgreSql(database.ConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var entitlements = provider.GetRequiredService<EntitlementService>();
        var processor = provider.GetRequiredService<PlanChangeProcessor>();
        await entitlements.SetPlanAsync(Tenant, Growth, new LocalDate(2026, 1, 1));
        var subscription = await provider.GetRequiredService<SubscriptionService>().CreateAsync(
            Tenant,
            new NewSubscription(CustomerId.From("cus_acme"), Growth, Money.FromMajor(62m, Currency.USD), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)));
        clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var change = await provider.GetRequiredService<SubscriptionDesk>().ChangePlanAsync(
            new DeskRequest(new Actor("admin-1", BillingRole.BillingAdmin), Tenant, "Fewer seats"),
            subscription.Id,
            new PlanChange(Starter, Money.FromMajor(31m, Currency.USD), PlanChangeTiming.AtPeriodEnd));

        var beforeTheEnd = Instant.FromUtc(2026, 1, 31, 23, 59);
        clock.Set(beforeTheEnd);
        Assert.Empty(await processor.ApplyDuePlanChangesAsync(beforeTheEnd));
        Assert.Equal(Growth, (await entitlements.GetAsync(Tenant))!.Plan);

        var periodEnd = Instant.FromUtc(2026, 2, 1, 0, 0);
        clock.Set(periodEnd);
        var applied = Assert.Single(await processor.ApplyDuePlanChangesAsync(periodEnd));
        Assert.Empty(await processor.ApplyDuePlanChangesAsync(periodEnd));

        Assert.Equal(change.Scheduled!.Id, applied.Id);
        Assert.Equal(ScheduledPlanChangeStatus.Applied, applied.Status);
        Assert.Equal(Starter, (await entitlements.GetAsync(Tenant))!.Plan);
        Assert.Equal(SubscriptionStatus.Canceled, (await provider.GetRequiredService<SubscriptionService>().GetAsync(Tenant, subscription.Id))!.Status);
        var audit = await provider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Tenant = Tenant, Action = "subscription.apply-plan-change" });
        var record = Assert.Single(audit.Records);
        Assert.Equal((Actor.System.Id, PlanChangeProcessor.Reason), (record.ActorId, record.Reason));
    }
}
