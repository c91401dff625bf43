using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Escalations;

public class MassPaymentFailureTests
{
    private static readonly TenantId[] Tenants = [TenantId.From("ten_a"), TenantId.From("ten_b"), TenantId.From("ten_c")];

    private static async Task<List<Escalation>> FeedAsync(DeskFixture desk, int count, bool succeeded, int tenants = 3)
    {
        var monitor = desk.Get<MassPaymentFailureMonitor>();
        var raised = new List<Escalation>();
        for (var i = 0; i < count; i++)
        {
            desk.Clock.Advance(Duration.FromSeconds(10));
            if (await monitor.RecordAsync(Tenants[i % tenants], succeeded) is { } escalation)
            {
                raised.Add(escalation);
            }
        }

        return raised;
    }

    [Fact]
    public async Task Payments_failing_across_tenants_raise_one_escalation_to_engineering_per_episode()
    {
        await using var desk = DeskFixture.Create();

        await FeedAsync(desk, 10, succeeded: true);
        var first = await FeedAsync(desk, 20, succeeded: false);
        var more = await FeedAsync(desk, 30, succeeded: false);

        var escalation = Assert.Single(first);
        Assert.Empty(more);
        Assert.Equal(EscalationKind.MassPaymentFailure, escalation.Kind);
        Assert.Equal("engineering", escalation.Route);
        Assert.Equal(escalation.RaisedAt + Duration.FromMinutes(15), escalation.DueAt);
        Assert.Null(escalation.Tenant);
        Assert.NotNull(desk.Get<MassPaymentFailureMonitor>().EpisodeSince);
    }

    [Fact]
    public async Task After_payments_recover_a_new_failure_wave_is_raised_again()
    {
        await using var desk = DeskFixture.Create();
        Assert.Single(await FeedAsync(desk, 25, succeeded: false));

        await FeedAsync(desk, 100, succeeded: true);
        Assert.Null(desk.Get<MassPaymentFailureMonitor>().EpisodeSince);
        var second = await FeedAsync(desk, 100, succeeded: false);

        Assert.Single(second);
        Assert.Equal(2, ((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised.Count);
    }

    [Fact]
    public async Task One_tenants_failures_are_not_a_mass_failure()
    {
        await using var desk = DeskFixture.Create();
        Assert.Empty(await FeedAsync(desk, 50, succeeded: false, tenants: 1));
    }

    [Fact]
    public async Task Too_few_payments_are_not_trusted()
    {
        await using var desk = DeskFixture.Create();
        Assert.Empty(await FeedAsync(desk, 19, succeeded: false));
    }

    [Fact]
    public void Outcomes_older_than_the_window_do_not_count()
    {
        var settings = MassFailureSettings.From(new MassPaymentFailureOptions());
        var now = Instant.FromUtc(2026, 3, 1, 12, 0);
        var old = Enumerable.Range(0, 30).Select(i => new PaymentOutcomeSample(Tenants[i % 3], now - Duration.FromMinutes(16), false));
        var recent = Enumerable.Range(0, 30).Select(i => new PaymentOutcomeSample(Tenants[i % 3], now - Duration.FromMinutes(1), true));

        var assessment = MassPaymentFailureDetector.Assess([.. old, .. recent], now, settings);

        Assert.Equal((30, 0, false, true), (assessment.Samples, assessment.Failures, assessment.IsAbove, assessment.IsClear));
    }

    [Fact]
    public async Task The_monitors_running_counts_agree_with_the_pure_assessment_as_the_window_slides()
    {
        await using var desk = DeskFixture.Create();
        var monitor = desk.Get<MassPaymentFailureMonitor>();
        var settings = MassFailureSettings.From(new MassPaymentFailureOptions());
        var seen = new List<PaymentOutcomeSample>();
        var random = new Random(20260301);
        Instant? episode = null;
        for (var i = 0; i < 600; i++)
        {
            desk.Clock.Advance(Duration.FromSeconds(random.Next(0, 40)));
            var tenant = Tenants[random.Next(3)];
            var succeeded = i % 200 < 100 || random.Next(4) == 0;
            seen.Add(new PaymentOutcomeSample(tenant, desk.Clock.Now, succeeded));
            var raised = await monitor.RecordAsync(tenant, succeeded);

            var step = MassPaymentFailureDetector.Step(episode, MassPaymentFailureDetector.Assess(seen, desk.Clock.Now, settings), desk.Clock.Now);
            episode = step.EpisodeSince;
            Assert.Equal(step.Raise, raised is not null);
            Assert.Equal(episode, monitor.EpisodeSince);
        }
    }

    [Fact]
    public void The_detector_raises_at_most_once_per_episode_and_only_above_the_threshold() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 120).SelectMany(s => Gen.Choose(0, 2), (s, t) => (Seconds: s, Tenant: t)).SelectMany(_ => Gen.Choose(0, 4), (st, r) => (st.Seconds, st.Tenant, Succeeded: r < 2))).ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            (events, minimumSamples) =>
            {
                var settings = new MassFailureSettings(Duration.FromMinutes(15), minimumSamples, 0.5m, 2);
                var now = Instant.FromUtc(2026, 3, 1, 0, 0);
                var window = new List<PaymentOutcomeSample>();
                Instant? episode = null;
                var clearSinceLastRaise = true;
                foreach (var (seconds, tenant, succeeded) in events)
                {
                    now += Duration.FromSeconds(seconds);
                    window.Add(new PaymentOutcomeSample(Tenants[tenant], now, succeeded));
                    var assessment = MassPaymentFailureDetector.Assess(window, now, settings);
                    var step = MassPaymentFailureDetector.Step(episode, assessment, now);
                    if (step.Raise && (!clearSinceLastRaise || !assessment.IsAbove))
                    {
                        return false;
                    }

                    clearSinceLastRaise = step.Raise ? false : clearSinceLastRaise || assessment.IsClear;
                    episode = step.EpisodeSince;
                }

                return true;
            }));
}
