using BillingKit.Entitlements;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public sealed class ScenarioTests : IDisposable
{
    private readonly EntitlementsHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_override_raises_mints_to_ten_thousand()
    {
        var tenant = await _host.NewTenantAsync();
        Assert.Equal(100, _host.Gate.Check(tenant, Metric.AttestationsMint, 1).Limit);

        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(10_000), "Enterprise pilot");

        var decision = _host.Gate.TryConsume(tenant, Metric.AttestationsMint, 10_000);
        Assert.True(decision.IsAllowed);
        Assert.Equal(10_000, decision.Limit);
        Assert.Equal(0, decision.Remaining);
        Assert.Equal(EntitlementReason.QuotaExceeded, _host.Gate.TryConsume(tenant, Metric.AttestationsMint, 1).Reason);
        var explanation = _host.Service.Explain(tenant, Metric.AttestationsMint);
        Assert.Equal(Quota.Of(100), explanation.PlanQuota);
        Assert.Equal("Enterprise pilot", explanation.Override!.Reason);
        Assert.Equal(Quota.Of(10_000), explanation.EffectiveLimit);
        Assert.Equal(10_000, explanation.Usage);
        Assert.Equal("Mints", explanation.Metric.DisplayName);
    }

    [Fact]
    public async Task Removing_an_override_restores_the_plan_limit_and_keeps_usage()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.Seats, Quota.Of(10), "Ten seats for the pilot");
        Assert.True(_host.Gate.TryConsume(tenant, Metric.Seats, 8).IsAllowed);

        Assert.True(await _host.Service.RemoveQuotaOverrideAsync(tenant, Metric.Seats));

        var decision = _host.Gate.Check(tenant, Metric.Seats, 1);
        Assert.Equal(EntitlementReason.QuotaExceeded, decision.Reason);
        Assert.Equal(5, decision.Limit);
        Assert.Equal(8, _host.Gate.GetHandle(tenant).GetUsage(Metric.Seats));
        Assert.False(await _host.Service.RemoveQuotaOverrideAsync(tenant, Metric.Seats));
    }

    [Fact]
    public async Task Two_grace_allowances_on_different_metrics_expire_independently()
    {
        var tenant = await _host.NewTenantAsync();
        var handle = _host.Gate.GetHandle(tenant);
        Assert.True(handle.TryConsume(Metric.Verifications, 1_000).IsAllowed);
        Assert.True(handle.TryConsume(Metric.AttestationsMint, 100).IsAllowed);

        await _host.Service.GrantGraceAsync(tenant, Metric.Verifications, 50, 24, "Launch week");
        await _host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 10, 48, "Migration");
        Assert.Equal(1_050, handle.Check(Metric.Verifications, 1).Limit);
        Assert.Equal(110, handle.Check(Metric.AttestationsMint, 1).Limit);
        Assert.Equal(2, (await _host.Service.ListGraceAsync(tenant)).Count);

        _host.Clock.AdvanceHours(24);

        Assert.Equal(EntitlementReason.QuotaExceeded, handle.TryConsume(Metric.Verifications, 1).Reason);
        Assert.Equal(1_000, handle.Check(Metric.Verifications, 1).Limit);
        Assert.True(handle.TryConsume(Metric.AttestationsMint, 10).IsAllowed);
        Assert.Single(await _host.Service.ListGraceAsync(tenant));

        _host.Clock.AdvanceHours(24);

        Assert.Equal(100, handle.Check(Metric.AttestationsMint, 1).Limit);
        Assert.Empty(await _host.Service.ListGraceAsync(tenant));
    }

    [Fact]
    public async Task Several_grace_allowances_on_one_metric_add_up_and_each_expires_at_its_instant()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 10, 1, "One hour");
        await _host.Service.GrantGraceAsync(tenant, Metric.AttestationsMint, 20, 2, "Two hours");
        Assert.Equal(130, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);

        _host.Clock.Advance(Duration.FromHours(1) - Duration.FromTicks(1));
        Assert.Equal(130, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);
        _host.Clock.Advance(Duration.FromTicks(1));
        Assert.Equal(120, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);
        _host.Clock.AdvanceHours(1);
        Assert.Equal(100, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);
    }

    [Fact]
    public async Task A_revoked_grace_allowance_stops_counting_at_once()
    {
        var tenant = await _host.NewTenantAsync();
        var grace = await _host.Service.GrantGraceAsync(tenant, Metric.Seats, 3, 72, "Onboarding");
        Assert.Equal(8, _host.Gate.Check(tenant, Metric.Seats, 0).Limit);

        Assert.True(await _host.Service.RevokeGraceAsync(tenant, grace.Id));

        Assert.Equal(5, _host.Gate.Check(tenant, Metric.Seats, 0).Limit);
        Assert.False(await _host.Service.RevokeGraceAsync(tenant, grace.Id));
    }

    [Fact]
    public async Task A_blocked_tenant_is_denied_everything()
    {
        var tenant = await _host.NewTenantAsync(EntitlementsHost.Scale);
        Assert.True(_host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
        Assert.True(_host.Gate.TryConsume(tenant, Metric.WebhookEndpoints, 2).IsAllowed);

        await _host.Service.SetAccessLevelAsync(tenant, AccessLevel.Blocked);

        foreach (var metric in new[] { Metric.Verifications, Metric.AttestationsMint, Metric.WebhookEndpoints })
        {
            Assert.Equal(EntitlementReason.AccessBlocked, _host.Gate.Check(tenant, metric, 1).Reason);
            Assert.Equal(EntitlementReason.AccessBlocked, _host.Gate.TryConsume(tenant, metric, 1).Reason);
        }

        Assert.False(_host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
        Assert.True(_host.Gate.Release(tenant, Metric.WebhookEndpoints, 1).IsAllowed);

        await _host.Service.SetAccessLevelAsync(tenant, AccessLevel.Full);
        Assert.True(_host.Gate.TryConsume(tenant, Metric.Verifications, 1).IsAllowed);
        Assert.True(_host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
    }

    [Fact]
    public async Task A_limited_tenant_is_denied_the_configured_metrics_and_features_only()
    {
        using var host = new EntitlementsHost(o => o.LimitedFeatures.Add("sso"));
        var tenant = await host.NewTenantAsync(EntitlementsHost.Scale);

        await host.Service.SetAccessLevelAsync(tenant, AccessLevel.Limited);

        Assert.Equal(EntitlementReason.AccessLimited, host.Gate.TryConsume(tenant, Metric.AttestationsMint, 1).Reason);
        Assert.Equal(EntitlementReason.AccessLimited, host.Gate.TryConsume(tenant, Metric.WebhookEndpoints, 1).Reason);
        Assert.True(host.Gate.TryConsume(tenant, Metric.Verifications, 1).IsAllowed);
        Assert.False(host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
    }

    [Fact]
    public async Task A_warned_tenant_is_allowed_and_told_so()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetAccessLevelAsync(tenant, AccessLevel.Warned);

        var decision = _host.Gate.TryConsume(tenant, Metric.Verifications, 1);

        Assert.True(decision.IsAllowed);
        Assert.True(decision.IsWarned);
        Assert.Equal(AccessLevel.Warned, _host.Service.Explain(tenant, Metric.Verifications).AccessLevel);
    }

    [Fact]
    public async Task Counters_reset_at_the_billing_cycle_anchor_and_gauges_carry_over()
    {
        var tenant = TenantId.New();
        await _host.Service.SetPlanAsync(tenant, EntitlementsHost.Starter.Id, new LocalDate(2025, 12, 15));
        var handle = _host.Gate.GetHandle(tenant);
        Assert.True(handle.TryConsume(Metric.Verifications, 1_000).IsAllowed);
        Assert.True(handle.TryConsume(Metric.Seats, 4).IsAllowed);
        _host.Clock.Set(Instant.FromUtc(2026, 1, 14, 23, 59, 59));
        Assert.False(handle.TryConsume(Metric.Verifications, 1).IsAllowed);

        _host.Clock.Set(Instant.FromUtc(2026, 1, 15, 0, 0));

        Assert.Equal(0, handle.GetUsage(Metric.Verifications));
        Assert.True(handle.TryConsume(Metric.Verifications, 1_000).IsAllowed);
        Assert.Equal(4, handle.GetUsage(Metric.Seats));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 1, 15, 0, 0), Instant.FromUtc(2026, 2, 15, 0, 0)), _host.Service.Explain(tenant, Metric.Verifications).UsagePeriod);
    }

    [Fact]
    public async Task Gauges_go_up_and_down_and_counters_cannot_be_released()
    {
        var tenant = await _host.NewTenantAsync();
        Assert.True(_host.Gate.TryConsume(tenant, Metric.WebhookEndpoints, 3).IsAllowed);
        Assert.False(_host.Gate.TryConsume(tenant, Metric.WebhookEndpoints, 1).IsAllowed);

        var released = _host.Gate.Release(tenant, Metric.WebhookEndpoints, 1);

        Assert.Equal(EntitlementReason.Released, released.Reason);
        Assert.Equal(1, released.Remaining);
        Assert.True(_host.Gate.TryConsume(tenant, Metric.WebhookEndpoints, 1).IsAllowed);
        Assert.Equal(3, _host.Gate.Release(tenant, Metric.WebhookEndpoints, 99).Remaining);
        Assert.Equal(0, _host.Gate.GetHandle(tenant).GetUsage(Metric.WebhookEndpoints));
        Assert.Equal(EntitlementReason.NotAGauge, _host.Gate.Release(tenant, Metric.Verifications, 1).Reason);
    }

    [Fact]
    public async Task Feature_overrides_from_json_take_precedence_over_the_plan_until_removed()
    {
        var tenant = await _host.NewTenantAsync();
        Assert.False(_host.Gate.IsEnabled(tenant, EntitlementsHost.OfflineBundles));

        var overrides = await _host.Service.SetFeatureOverridesAsync(tenant, """{"offline_bundles": true, "sso": true, "seat_cap": 10, "tier": "gold"}""", "Sales deal");

        Assert.Equal("Sales deal", overrides[EntitlementsHost.OfflineBundles].Reason);
        Assert.True(_host.Gate.IsEnabled(tenant, EntitlementsHost.OfflineBundles));
        Assert.True(_host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
        var handle = _host.Gate.GetHandle(tenant);
        Assert.True(handle.TryGetFeatureValue(EntitlementsHost.SeatCap, out var seatCap));
        Assert.Equal(10, seatCap.Number);
        Assert.True(handle.TryGetFeatureValue(Feature.Of("tier"), out var tier));
        Assert.Equal("gold", tier.Text);

        Assert.True(await _host.Service.RemoveFeatureOverrideAsync(tenant, EntitlementsHost.Sso));
        await _host.Service.SetFeatureOverridesAsync(tenant, """{"offline_bundles": null}""", "Deal ended");

        Assert.False(_host.Gate.IsEnabled(tenant, EntitlementsHost.Sso));
        Assert.False(_host.Gate.IsEnabled(tenant, EntitlementsHost.OfflineBundles));
        Assert.True(handle.TryGetFeatureValue(EntitlementsHost.SeatCap, out seatCap));
        Assert.Equal(10, seatCap.Number);
    }

    [Theory]
    [InlineData("{\"offline_bundles\": tru")]
    [InlineData("[true]")]
    [InlineData("{\"offline_bundles\": {\"on\": true}}")]
    [InlineData("{\"offline_bundles\": 1.5}")]
    [InlineData("{\"Offline Bundles\": true}")]
    public async Task Malformed_feature_override_json_is_a_typed_error_and_changes_nothing(string json)
    {
        var tenant = await _host.NewTenantAsync();
        var before = await _host.Service.GetAsync(tenant);

        await Assert.ThrowsAsync<InvalidFeatureOverrideException>(async () => await _host.Service.SetFeatureOverridesAsync(tenant, json, "Bad input"));

        Assert.Same(before, await _host.Service.GetAsync(tenant));
        Assert.False(_host.Gate.IsEnabled(tenant, EntitlementsHost.OfflineBundles));
    }

    [Fact]
    public async Task Bad_admin_input_throws_typed_exceptions_and_changes_nothing()
    {
        var tenant = await _host.NewTenantAsync();
        var before = await _host.Service.GetAsync(tenant);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _host.Service.GrantGraceAsync(tenant, Metric.Seats, 1, 0, "Zero hours"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _host.Service.GrantGraceAsync(tenant, Metric.Seats, 1, -5, "Negative"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _host.Service.GrantGraceAsync(tenant, Metric.Seats, 0, 5, "No units"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await _host.Service.SetQuotaOverrideAsync(tenant, Metric.Seats, Quota.Of(3), " "));
        await Assert.ThrowsAsync<UnknownPlanException>(async () => await _host.Service.SetPlanAsync(tenant, PlanId.From("gold"), new LocalDate(2026, 1, 1)));
        await Assert.ThrowsAsync<UnknownTenantException>(async () => await _host.Service.GrantGraceAsync(TenantId.New(), Metric.Seats, 1, 1, "Nobody"));
        await Assert.ThrowsAsync<UnknownTenantException>(async () => await _host.Service.SetAccessLevelAsync(TenantId.New(), AccessLevel.Blocked));
        Assert.Throws<UnknownTenantException>(() => _host.Service.Explain(TenantId.New(), Metric.Seats));
        Assert.Throws<UnknownMetricException>(() => Metric.Get("no.such.metric"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quota.Of(-1));

        Assert.Same(before, await _host.Service.GetAsync(tenant));
    }

    [Fact]
    public async Task Bad_hot_path_input_is_a_denied_decision_with_its_reason()
    {
        var tenant = await _host.NewTenantAsync();
        var notInPlan = Metric.Define("exports", "Exports", MetricKind.Counter);

        Assert.Equal(EntitlementReason.UnknownTenant, _host.Gate.TryConsume(TenantId.New(), Metric.Verifications, 1).Reason);
        Assert.Equal(EntitlementReason.UnknownTenant, _host.Gate.Check(default, Metric.Verifications, 1).Reason);
        Assert.Equal(EntitlementReason.UnknownMetric, _host.Gate.TryConsume(tenant, "no.such.metric", 1).Reason);
        Assert.Equal(EntitlementReason.InvalidAmount, _host.Gate.TryConsume(tenant, Metric.Verifications, -1).Reason);
        Assert.Equal(EntitlementReason.InvalidAmount, _host.Gate.Release(tenant, Metric.Seats, -1).Reason);
        Assert.Equal(EntitlementReason.MetricNotInPlan, _host.Gate.TryConsume(tenant, notInPlan, 1).Reason);
        Assert.False(_host.Gate.IsEnabled(TenantId.New(), EntitlementsHost.Sso));
        Assert.Equal(0, _host.Gate.GetHandle(tenant).GetUsage(Metric.Verifications));
    }

    [Fact]
    public async Task A_host_metric_joins_a_tenant_through_an_override_and_is_counted()
    {
        var tenant = await _host.NewTenantAsync();
        var apiCalls = Metric.Define("api_calls", "API calls", MetricKind.Counter);

        await _host.Service.SetQuotaOverrideAsync(tenant, apiCalls, Quota.Of(2), "Trial of the API");

        Assert.True(_host.Gate.TryConsume(tenant, "api_calls", 2).IsAllowed);
        Assert.Equal(EntitlementReason.QuotaExceeded, _host.Gate.TryConsume(tenant, apiCalls, 1).Reason);
        Assert.Same(apiCalls, Metric.Define("api_calls", "Other name", MetricKind.Counter));
        Assert.Throws<ArgumentException>(() => Metric.Define("api_calls", "API calls", MetricKind.Gauge));
    }

    [Fact]
    public async Task Changes_staged_in_a_callers_unit_reach_the_gate_only_when_it_commits()
    {
        var tenant = await _host.NewTenantAsync();
        var units = _host.Get<BillingKit.Storage.IUnitOfWorkFactory>();

        await using (var unit = await units.BeginAsync(tenant))
        {
            await _host.Service.SetQuotaOverrideAsync(unit, Metric.AttestationsMint, Quota.Of(10_000), "Discarded");
            await _host.Service.SetAccessLevelAsync(unit, AccessLevel.Warned);
        }

        Assert.Equal(100, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);

        await using (var unit = await units.BeginAsync(tenant))
        {
            await _host.Service.SetQuotaOverrideAsync(unit, Metric.AttestationsMint, Quota.Of(10_000), "Committed");
            await _host.Service.SetAccessLevelAsync(unit, AccessLevel.Warned);
            Assert.Equal(100, _host.Gate.Check(tenant, Metric.AttestationsMint, 0).Limit);
            await unit.CommitAsync();
        }

        var decision = _host.Gate.Check(tenant, Metric.AttestationsMint, 0);
        Assert.Equal(10_000, decision.Limit);
        Assert.True(decision.IsWarned);
    }

    [Fact]
    public async Task Explain_lists_each_active_grace_allowance_with_its_expiry()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.Verifications, Quota.Of(2_000), "Pilot");
        var later = await _host.Service.GrantGraceAsync(tenant, Metric.Verifications, 200, 48, "Second");
        var sooner = await _host.Service.GrantGraceAsync(tenant, Metric.Verifications, 100, 24, "First");
        _host.Gate.TryConsume(tenant, Metric.Verifications, 5);

        var explanation = _host.Service.Explain(tenant, Metric.Verifications);

        Assert.Equal(Quota.Of(1_000), explanation.PlanQuota);
        Assert.Equal(Quota.Of(2_000), explanation.Override!.Quota);
        Assert.Equal([sooner, later], explanation.ActiveGraceAllowances);
        Assert.Equal(_host.Clock.Now + Duration.FromHours(24), explanation.ActiveGraceAllowances[0].ExpiresAt);
        Assert.Equal(Quota.Of(2_300), explanation.EffectiveLimit);
        Assert.Equal(5, explanation.Usage);
        Assert.Equal(AccessLevel.Full, explanation.AccessLevel);
        Assert.True(explanation.Decision.IsAllowed);
        Assert.Equal(2_294, explanation.Decision.Remaining);
    }

    [Fact]
    public async Task Loading_from_the_store_fills_a_fresh_gate()
    {
        var tenant = await _host.NewTenantAsync();
        await _host.Service.SetQuotaOverrideAsync(tenant, Metric.AttestationsMint, Quota.Of(10_000), "Pilot");
        var gate = new EntitlementGate(_host.Clock, new InMemoryQuotaLeaseStore(), Microsoft.Extensions.Options.Options.Create(Options()));
        var service = new EntitlementService(_host.Get<IEntitlementStore>(), _host.Get<BillingKit.Storage.IUnitOfWorkFactory>(), _host.Clock, gate, Microsoft.Extensions.Options.Options.Create(Options()));
        Assert.Equal(EntitlementReason.UnknownTenant, gate.Check(tenant, Metric.AttestationsMint, 1).Reason);

        Assert.Equal(1, await service.LoadAsync());

        Assert.Equal(10_000, gate.Check(tenant, Metric.AttestationsMint, 1).Limit);
        await service.RefreshAsync(tenant);
        Assert.Equal(1, gate.TenantCount);

        static EntitlementOptions Options()
        {
            var options = new EntitlementOptions();
            options.Plans.Add(EntitlementsHost.Starter);
            return options;
        }
    }
}
