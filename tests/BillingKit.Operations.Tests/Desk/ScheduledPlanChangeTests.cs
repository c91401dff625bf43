using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class ScheduledPlanChangeTests
{
    private static readonly Instant LastMinuteOfJanuary = Instant.FromUtc(2026, 1, 31, 23, 59);
    private static readonly Instant FirstOfFebruary = Instant.FromUtc(2026, 2, 1, 0, 0);

    [Fact]
    public async Task A_downgrade_at_period_end_switches_the_entitlements_when_the_period_ends_not_before()
    {
        await using var desk = Create();
        var (subscription, change) = await DowngradeAtPeriodEndAsync(desk);
        Assert.Equal(ScheduledPlanChangeStatus.Pending, change.Scheduled!.Status);
        Assert.Equal(new LocalDate(2026, 2, 1), change.Scheduled.EffectiveOn);
        Assert.Equal((subscription.Id, change.Next.Id, Growth.Id, Starter.Id), (change.Scheduled.Subscription, change.Scheduled.Next, change.Scheduled.From, change.Scheduled.To));

        desk.Clock.Set(LastMinuteOfJanuary);
        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(LastMinuteOfJanuary));
        Assert.Equal(Growth.Id, await PlanAsync(desk));

        desk.Clock.Set(FirstOfFebruary);
        var applied = Assert.Single(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));

        Assert.Equal(change.Scheduled.Id, applied.Id);
        Assert.Equal(ScheduledPlanChangeStatus.Applied, applied.Status);
        Assert.Equal(FirstOfFebruary, applied.ResolvedAt);
        Assert.Equal(Starter.Id, await PlanAsync(desk));
        Assert.Equal(new LocalDate(2026, 2, 1), (await desk.Get<EntitlementService>().GetAsync(Tenant))!.CycleAnchor);
        Assert.Equal(SubscriptionStatus.Canceled, (await desk.Get<SubscriptionService>().GetAsync(Tenant, subscription.Id))!.Status);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal("subscription.apply-plan-change", record.Action);
        Assert.Equal((Actor.System.Id, BillingRole.System), (record.ActorId, record.ActorRole));
        Assert.Equal(PlanChangeProcessor.Reason, record.Reason);
        Assert.Equal(subscription.Id.Value, record.Target);
        Assert.Equal("starter", record.Details["plan.to"]);
        Assert.Equal(change.Scheduled.Id, record.CorrelationId);
    }

    [Fact]
    public async Task Running_the_processor_twice_changes_nothing()
    {
        await using var desk = Create();
        await DowngradeAtPeriodEndAsync(desk);
        desk.Clock.Set(FirstOfFebruary);
        Assert.Single(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));
        var records = (await desk.AuditRecordsAsync()).Count;

        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));
        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary.Plus(Duration.FromDays(3))));

        Assert.Equal(records, (await desk.AuditRecordsAsync()).Count);
        Assert.Equal(Starter.Id, await PlanAsync(desk));
    }

    [Fact]
    public async Task Two_processors_running_at_once_apply_a_change_once()
    {
        await using var desk = Create();
        await DowngradeAtPeriodEndAsync(desk);
        desk.Clock.Set(FirstOfFebruary);

        var runs = await Task.WhenAll(
            Task.Run(() => desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary)),
            Task.Run(() => desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary)));

        Assert.Single(runs.SelectMany(r => r));
        Assert.Single(await desk.AuditRecordsAsync(), r => r.Action == "subscription.apply-plan-change");
    }

    [Fact]
    public async Task Cancelling_before_the_period_end_cancels_the_scheduled_change()
    {
        await using var desk = Create();
        var (_, change) = await DowngradeAtPeriodEndAsync(desk);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 20, 10, 0));

        await desk.Subscriptions.CancelAsync(Request(DeskFixture.BillingAdmin, "Leaving after all"), change.Next.Id, CancellationTiming.AtPeriodEnd, refundUnusedTime: false);

        var cancelRecord = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(change.Scheduled!.Id, cancelRecord.Details["plan_change.canceled"]);
        Assert.Equal(ScheduledPlanChangeStatus.Canceled, (await FindAsync(desk, change.Scheduled.Id))!.Status);
        desk.Clock.Set(FirstOfFebruary);
        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));
        Assert.Equal(Growth.Id, await PlanAsync(desk));
    }

    [Fact]
    public async Task An_upgrade_now_after_a_scheduled_downgrade_supersedes_it()
    {
        await using var desk = Create();
        var (_, downgrade) = await DowngradeAtPeriodEndAsync(desk);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 20, 10, 0));

        var upgrade = await desk.Subscriptions.ChangePlanAsync(Request(DeskFixture.BillingAdmin, "Stays on Growth"), downgrade.Next.Id, new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.Now));

        Assert.Null(upgrade.Scheduled);
        Assert.Equal(ScheduledPlanChangeStatus.Canceled, (await FindAsync(desk, downgrade.Scheduled!.Id))!.Status);
        desk.Clock.Set(FirstOfFebruary);
        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));
        Assert.Equal(Growth.Id, await PlanAsync(desk));
    }

    [Fact]
    public async Task A_change_whose_new_subscription_was_canceled_outside_the_desk_is_canceled_not_applied()
    {
        await using var desk = Create();
        var (_, change) = await DowngradeAtPeriodEndAsync(desk);
        await desk.Get<SubscriptionService>().CancelAsync(Tenant, change.Next.Id, CancellationTiming.Immediately);
        desk.Clock.Set(FirstOfFebruary);

        var resolved = Assert.Single(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));

        Assert.Equal(ScheduledPlanChangeStatus.Canceled, resolved.Status);
        Assert.Equal(Growth.Id, await PlanAsync(desk));
        Assert.Equal(AuditOutcome.Refused, (await desk.AuditRecordsAsync())[^1].Outcome);
    }

    [Fact]
    public async Task A_scheduled_change_in_a_unit_that_is_not_committed_is_not_recorded()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var subscription = await desk.SubscribeAsync(31m);
        PlanChangeResult result;
        await using (var abandoned = await desk.BeginAsync())
        {
            result = await desk.Subscriptions.ChangePlanAsync(abandoned, Request(DeskFixture.BillingAdmin, "Upgrade next month"), subscription.Id, new PlanChange(Growth.Id, Usd(62m), PlanChangeTiming.AtPeriodEnd));
        }

        Assert.Null(await FindAsync(desk, result.Scheduled!.Id));
        Assert.Empty(await desk.PlanChanges.ApplyDuePlanChangesAsync(FirstOfFebruary));
        Assert.Equal(Starter.Id, await PlanAsync(desk));
    }

    [Fact]
    public void A_change_is_due_from_the_first_instant_of_its_effective_UTC_date_while_pending()
    {
        var gen =
            from changes in Gen.ListOf(
                from day in Gen.Choose(0, 60)
                from status in Gen.Elements(ScheduledPlanChangeStatus.Pending, ScheduledPlanChangeStatus.Applied, ScheduledPlanChangeStatus.Canceled)
                from minutes in Gen.Choose(0, 100_000)
                from id in Gen.Choose(0, 1_000_000)
                select Change("spc_" + id, new LocalDate(2026, 1, 1).PlusDays(day), Instant.FromUtc(2025, 12, 1, 0, 0).Plus(Duration.FromMinutes(minutes))) with { Status = status })
            from minutesIntoYear in Gen.Choose(0, 60 * 24 * 70)
            select (changes, now: Instant.FromUtc(2026, 1, 1, 0, 0).Plus(Duration.FromMinutes(minutesIntoYear)));

        PropertyTest.Check(Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var due = DuePlanChanges.Select(c.changes, c.now);
            var today = c.now.InUtc().Date;
            var expected = c.changes.Where(x => x.Status == ScheduledPlanChangeStatus.Pending && x.EffectiveOn <= today).ToList();
            var ordered = due.Zip(due.Skip(1)).All(p => p.First.EffectiveOn < p.Second.EffectiveOn
                || (p.First.EffectiveOn == p.Second.EffectiveOn && p.First.ScheduledAt <= p.Second.ScheduledAt));
            return due.Count == expected.Count && expected.All(due.Contains) && ordered
                && c.changes.All(x => DuePlanChanges.IsDue(x, c.now) == expected.Contains(x));
        }));
    }

    [Fact]
    public void The_boundary_is_midnight_UTC()
    {
        var change = Change("spc_1", new LocalDate(2026, 2, 1), Instant.FromUtc(2026, 1, 11, 9, 0));

        Assert.False(DuePlanChanges.IsDue(change, LastMinuteOfJanuary));
        Assert.True(DuePlanChanges.IsDue(change, FirstOfFebruary));
        Assert.False(DuePlanChanges.IsDue(change with { Status = ScheduledPlanChangeStatus.Applied }, FirstOfFebruary));
    }

    private static ScheduledPlanChange Change(string id, LocalDate effectiveOn, Instant scheduledAt) =>
        new(id, Tenant, SubscriptionId.From("sub_old"), SubscriptionId.From("sub_new"), Growth.Id, Starter.Id, effectiveOn, scheduledAt);

    /// <summary>Growth at USD 62 from January 1, entitlements on Growth, downgraded to Starter at period end on January 11.</summary>
    private static async Task<(Subscription Subscription, PlanChangeResult Change)> DowngradeAtPeriodEndAsync(MoneyDeskHost desk)
    {
        await desk.EnrollAsync();
        await desk.Get<EntitlementService>().SetPlanAsync(Tenant, Growth.Id, new LocalDate(2026, 1, 1));
        var subscription = await desk.SubscribeAsync(62m, Growth.Id);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));
        var change = await desk.Subscriptions.ChangePlanAsync(Request(DeskFixture.BillingAdmin, "Fewer seats"), subscription.Id, new PlanChange(Starter.Id, Usd(31m), PlanChangeTiming.AtPeriodEnd));
        return (subscription, change);
    }

    private static async Task<PlanId?> PlanAsync(MoneyDeskHost desk) => (await desk.Get<EntitlementService>().GetAsync(Tenant))?.Plan;

    private static async Task<ScheduledPlanChange?> FindAsync(MoneyDeskHost desk, string id)
    {
        await using var unit = await desk.BeginAsync();
        return await desk.Get<IScheduledPlanChangeStore>().FindAsync(unit, id);
    }
}
