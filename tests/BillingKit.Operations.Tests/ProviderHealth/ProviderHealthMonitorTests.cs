using BillingKit.Providers;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.ProviderHealth;

public class ProviderHealthMonitorTests
{
    private static ProviderException Error(ProviderErrorKind kind, string code = "error") =>
        new(ProviderName.Stripe, kind, code, $"Stripe answered {kind}");

    [Fact]
    public async Task Three_outages_in_a_row_show_a_degraded_banner_with_since_when_and_the_last_error()
    {
        await using var desk = DeskFixture.Create();
        var health = desk.Get<ProviderHealthMonitor>();

        health.RecordFailure(Error(ProviderErrorKind.ProviderUnavailable, "api_error"));
        desk.Clock.Advance(Duration.FromMinutes(1));
        health.RecordFailure(Error(ProviderErrorKind.Network, "network_error"));
        Assert.Empty(health.GetDegraded());
        desk.Clock.Advance(Duration.FromMinutes(1));
        var degradedAt = desk.Clock.Now;
        health.RecordFailure(Error(ProviderErrorKind.ProviderUnavailable, "api_error"));
        desk.Clock.Advance(Duration.FromMinutes(1));
        health.RecordFailure(Error(ProviderErrorKind.Network, "timeout"));

        var banner = Assert.Single(health.GetDegraded());
        Assert.Equal(ProviderName.Stripe, banner.Provider);
        Assert.Equal(degradedAt, banner.Since);
        Assert.Equal(ProviderIssueKind.Outage, banner.Kind);
        Assert.Equal("Network timeout: Stripe answered Network", banner.LastError);
        Assert.Equal(4, banner.ConsecutiveFailures);
        Assert.Contains(desk.Logs.Entries, e => e.Id.Id == 8021);
    }

    [Fact]
    public async Task A_rate_limit_degrades_at_once_and_a_successful_call_clears_it()
    {
        await using var desk = DeskFixture.Create();
        var health = desk.Get<ProviderHealthMonitor>();

        var limited = health.RecordFailure(Error(ProviderErrorKind.RateLimited, "rate_limit"));
        desk.Clock.AdvanceHours(1);
        var cleared = health.RecordSuccess(ProviderName.Stripe);

        Assert.True(limited.IsDegraded);
        Assert.Equal(ProviderIssueKind.RateLimited, limited.Kind);
        Assert.False(cleared.IsDegraded);
        Assert.Null(cleared.Since);
        Assert.Equal(desk.Clock.Now, cleared.LastSuccessAt);
        Assert.Equal("RateLimited rate_limit: Stripe answered RateLimited", cleared.LastError);
        Assert.Empty(health.GetDegraded());
        Assert.Contains(desk.Logs.Entries, e => e.Id.Id == 8022);
    }

    [Fact]
    public async Task Declines_and_unknown_ids_are_proper_answers_not_outages()
    {
        await using var desk = DeskFixture.Create();
        var health = desk.Get<ProviderHealthMonitor>();
        health.RecordFailure(Error(ProviderErrorKind.Network));
        health.RecordFailure(Error(ProviderErrorKind.Network));

        health.RecordFailure(Error(ProviderErrorKind.Declined, "card_declined"));
        health.RecordFailure(Error(ProviderErrorKind.NotFound, "resource_missing"));
        var status = health.RecordFailure(Error(ProviderErrorKind.Network));

        Assert.False(status.IsDegraded);
        Assert.Equal(1, status.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_failed_synchronisation_reported_by_the_desk_counts_and_is_configurable()
    {
        await using var desk = DeskFixture.Create(o =>
        {
            o.ProviderHealth.DegradeAfterConsecutiveFailures = 1;
            o.ProviderHealth.ClearAfterConsecutiveSuccesses = 2;
        });
        var health = desk.Get<ProviderHealthMonitor>();

        var degraded = health.RecordFailure(ProviderName.Paystack, ProviderIssueKind.SyncFailure, "Reconciliation of pay_2001 found a different amount");
        var stillDegraded = health.RecordSuccess(ProviderName.Paystack);
        var cleared = health.RecordSuccess(ProviderName.Paystack);

        Assert.Equal((true, ProviderIssueKind.SyncFailure), (degraded.IsDegraded, degraded.Kind!.Value));
        Assert.True(stillDegraded.IsDegraded);
        Assert.False(cleared.IsDegraded);
        Assert.False(health.GetStatus(ProviderName.Stripe).IsDegraded);
    }

    [Fact]
    public async Task Calls_through_a_tracked_provider_feed_the_monitor()
    {
        await using var desk = DeskFixture.Create();
        var health = desk.Get<ProviderHealthMonitor>();
        var stub = new StubPaymentProvider(ProviderName.Stripe).FailWith(ProviderErrorKind.RateLimited, "rate_limit");
        var provider = health.Track(stub);

        await Assert.ThrowsAsync<ProviderException>(() => provider.RefundAsync(null!));
        var during = health.GetStatus(ProviderName.Stripe);
        await provider.GetPaymentAsync("pi_1");

        Assert.True(during.IsDegraded);
        Assert.False(health.GetStatus(ProviderName.Stripe).IsDegraded);
        Assert.Equal(2, stub.Calls);
        Assert.Same(provider, health.Track(provider));
    }

    [Fact]
    public async Task Failures_while_searching_customers_are_seen_too()
    {
        await using var desk = DeskFixture.Create();
        var health = desk.Get<ProviderHealthMonitor>();
        var provider = health.Track(new StubPaymentProvider(ProviderName.Flutterwave).FailWith(ProviderErrorKind.RateLimited));

        await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var unused in provider.FindCustomersByEmailAsync("a@example.com"))
            {
            }
        });

        Assert.True(health.GetStatus(ProviderName.Flutterwave).IsDegraded);
    }

    [Fact]
    public void A_provider_is_degraded_exactly_when_the_rules_say() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.ListOf(Gen.Elements<ProviderIssueKind?>(null, ProviderIssueKind.Outage, ProviderIssueKind.RateLimited, ProviderIssueKind.SyncFailure)).ToArbitrary(),
            Gen.Choose(1, 4).ToArbitrary(),
            Gen.Choose(1, 3).ToArbitrary(),
            (outcomes, degradeAfter, clearAfter) =>
            {
                var options = new ProviderHealthOptions { DegradeAfterConsecutiveFailures = degradeAfter, ClearAfterConsecutiveSuccesses = clearAfter };
                var status = ProviderHealthStatus.Healthy(ProviderName.Stripe);
                var now = Instant.FromUtc(2026, 1, 1, 0, 0);
                foreach (var outcome in outcomes)
                {
                    var before = status;
                    now += Duration.FromSeconds(1);
                    status = outcome is { } kind
                        ? ProviderHealthPolicy.OnFailure(status, kind, "x", now, options)
                        : ProviderHealthPolicy.OnSuccess(status, now, options);
                    var expected = outcome is { } k
                        ? before.IsDegraded || status.ConsecutiveFailures >= degradeAfter || k == ProviderIssueKind.RateLimited
                        : before.IsDegraded && status.ConsecutiveSuccesses < clearAfter;
                    if (status.IsDegraded != expected || status.IsDegraded != status.Since.HasValue
                        || (before.IsDegraded && status.IsDegraded && status.Since != before.Since))
                    {
                        return false;
                    }
                }

                return true;
            }));
}
