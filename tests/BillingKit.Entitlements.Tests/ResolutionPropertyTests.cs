using BillingKit.Entitlements;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public class ResolutionPropertyTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly TenantId Tenant = TenantId.From("ten_property");

    [Fact]
    public void Effective_limit_equals_override_else_plan_plus_active_grace_at_every_instant() =>
        PropertyTest.Check(Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            // The handle moves along the snapshots resolved in advance; each must hold the definition for its stretch.
            var snapshot = EntitlementResolver.Resolve(c.Config, c.Plan, c.ResolvedAt, AccessPolicy.Default);
            foreach (var offset in c.Probes)
            {
                var at = c.ResolvedAt + offset;
                var current = snapshot;
                while (current is not null && at >= current.ValidUntil)
                {
                    current = current.Next;
                }

                if (current is null)
                {
                    // Past the end of the usage period the gate re-resolves; so do we.
                    current = EntitlementResolver.Resolve(c.Config, c.Plan, at, AccessPolicy.Default);
                }

                foreach (var metric in EntitlementModel.Metrics)
                {
                    var expected = EntitlementModel.Limit(c.Plan, c.Config, metric, at);
                    var gate = current.Metrics[metric.Ordinal];
                    var ok = expected is null
                        ? gate.Deny == EntitlementReason.MetricNotInPlan
                        : gate.Deny == EntitlementReason.WithinLimit && gate.Limit == expected.Value;
                    if (!ok || EntitlementResolver.EffectiveLimit(c.Config, c.Plan, metric, at)?.Limit != expected)
                    {
                        return false;
                    }
                }
            }

            return true;
        }));

    [Fact]
    public void An_expired_or_not_yet_started_allowance_never_counts() =>
        PropertyTest.Check(Prop.ForAll(Cases().ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (c, metricIndex, hours) =>
        {
            var metric = EntitlementModel.Metrics[metricIndex];
            var expired = new GraceAllowance(Guid.NewGuid(), metric, 1_000_000, c.ResolvedAt - Duration.FromHours(hours), c.ResolvedAt, "Expired");
            var future = new GraceAllowance(Guid.NewGuid(), metric, 1_000_000, c.ResolvedAt + Duration.FromTicks(1), c.ResolvedAt + Duration.FromHours(hours), "Future");
            var with = c.Config with { GraceAllowances = c.Config.GraceAllowances.Add(expired).Add(future) };
            var before = EntitlementResolver.Resolve(c.Config, c.Plan, c.ResolvedAt, AccessPolicy.Default).Metrics[metric.Ordinal];
            var after = EntitlementResolver.Resolve(with, c.Plan, c.ResolvedAt, AccessPolicy.Default).Metrics[metric.Ordinal];
            return before == after;
        }));

    [Fact]
    public void Access_level_denies_as_configured_and_never_changes_the_limit() =>
        PropertyTest.Check(Prop.ForAll(Cases().ToArbitrary(), Gen.Elements(AccessLevel.Full, AccessLevel.Warned, AccessLevel.Limited, AccessLevel.Blocked).ToArbitrary(), (c, level) =>
        {
            var full = EntitlementResolver.Resolve(c.Config, c.Plan, c.ResolvedAt, AccessPolicy.Default);
            var leveled = EntitlementResolver.Resolve(c.Config with { AccessLevel = level }, c.Plan, c.ResolvedAt, AccessPolicy.Default);
            return EntitlementModel.Metrics.All(m =>
            {
                var a = full.Metrics[m.Ordinal];
                var b = leveled.Metrics[m.Ordinal];
                var expectedDeny = level switch
                {
                    AccessLevel.Blocked => EntitlementReason.AccessBlocked,
                    AccessLevel.Limited when m == Metric.AttestationsMint || m == Metric.WebhookEndpoints => EntitlementReason.AccessLimited,
                    _ => a.Deny,
                };
                return a.Limit == b.Limit && b.Deny == expectedDeny;
            });
        }));

    internal static Gen<Quota?> QuotaGen() =>
        Gen.Frequency(
            (2, Gen.Constant<Quota?>(null)),
            (5, Gen.Choose(0, 1000).Select(l => (Quota?)Quota.Of(l))),
            (1, Gen.Constant<Quota?>(Quota.Unlimited)));

    internal static Gen<GraceAllowance> GraceGen() =>
        from metric in Gen.Elements(EntitlementModel.Metrics)
        from extra in Gen.Choose(1, 500)
        from grantedHours in Gen.Choose(-48, 400)
        from durationHours in Gen.Choose(1, 300)
        let granted = Start + Duration.FromHours(grantedHours)
        select new GraceAllowance(Guid.NewGuid(), metric, extra, granted, granted + Duration.FromHours(durationHours), "Property");

    private static Gen<Case> Cases() =>
        from planQuotas in Gen.ArrayOf(QuotaGen(), 5)
        from overrides in Gen.ArrayOf(QuotaGen(), 5)
        from grace in Gen.ListOf(GraceGen()).Select(l => l.Take(8).ToList())
        from resolvedHours in Gen.Choose(0, 200)
        from probes in Gen.ListOf(Gen.Choose(0, 1200).Select(h => Duration.FromHours(h) + Duration.FromTicks(h % 3))).Select(l => l.Take(10).ToList())
        select Build(planQuotas, overrides, grace, Start + Duration.FromHours(resolvedHours), probes);

    private static Case Build(Quota?[] planQuotas, Quota?[] overrides, List<GraceAllowance> grace, Instant resolvedAt, List<Duration> probes)
    {
        var plan = Plan.Create(PlanId.From("property"), "Property");
        var config = new TenantEntitlements(Tenant, plan.Id, new LocalDate(2026, 1, 1), DateTimeZone.Utc) { GraceAllowances = [.. grace] };
        for (var i = 0; i < 5; i++)
        {
            var metric = EntitlementModel.Metrics[i];
            if (planQuotas[i] is { } q)
            {
                plan = plan.WithQuota(metric, q);
            }

            if (overrides[i] is { } o)
            {
                config = config with { QuotaOverrides = config.QuotaOverrides.SetItem(metric, new QuotaOverride(metric, o, "Property", Start)) };
            }
        }

        return new Case(plan, config with { }, resolvedAt, probes);
    }

    internal sealed record Case(Plan Plan, TenantEntitlements Config, Instant ResolvedAt, List<Duration> Probes)
    {
        public override string ToString() =>
            $"Plan [{string.Join(", ", Plan.Quotas.Select(q => $"{q.Key}={q.Value}"))}] overrides [{string.Join(", ", Config.QuotaOverrides.Values.Select(o => $"{o.Metric}={o.Quota}"))}] " +
            $"grace [{string.Join(", ", Config.GraceAllowances.Select(g => $"{g.Metric}+{g.ExtraUnits} {g.GrantedAt}..{g.ExpiresAt}"))}] at {ResolvedAt} probes [{string.Join(", ", Probes)}]";
    }
}
