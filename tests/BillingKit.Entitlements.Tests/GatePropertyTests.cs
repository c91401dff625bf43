using BillingKit.Entitlements;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Entitlements.Tests;

public class GatePropertyTests
{
    private static readonly Plan Plan = Plan.Create(PlanId.From("gate-property"), "Gate property")
        .WithQuota(Metric.Verifications, 300)
        .WithQuota(Metric.AttestationsMint, 50)
        .WithQuota(Metric.WebhookEndpoints, 5)
        .WithQuota(Metric.Seats, Quota.Unlimited);

    private enum Kind
    {
        Consume,
        Check,
        Release,
        Advance,
        Grant,
        Override,
        RemoveOverride,
    }

    [Fact]
    public void Usage_never_exceeds_the_effective_limit_at_the_time_of_consumption() => UsageNeverExceedsTheLimit(slices: false);

    [Fact]
    public void Usage_never_exceeds_the_effective_limit_when_consumption_goes_through_per_core_slices() => UsageNeverExceedsTheLimit(slices: true);

    private static void UsageNeverExceedsTheLimit(bool slices) =>
        PropertyTest.Check(Prop.ForAll(Gen.ListOf(Steps()).Select(l => l.Take(40).ToList()).ToArbitrary(), steps =>
        {
            var simulation = new Simulation(slices);
            foreach (var step in steps)
            {
                if (simulation.Run(step) is { } failure)
                {
                    return false.Label(failure);
                }
            }

            return true.ToProperty();
        }));

    private static Gen<Step> Steps() =>
        from kind in Gen.Frequency(
            (6, Gen.Constant(Kind.Consume)),
            (2, Gen.Constant(Kind.Check)),
            (2, Gen.Constant(Kind.Release)),
            (3, Gen.Constant(Kind.Advance)),
            (2, Gen.Constant(Kind.Grant)),
            (1, Gen.Constant(Kind.Override)),
            (1, Gen.Constant(Kind.RemoveOverride)))
        from metric in Gen.Choose(0, 4)
        from amount in Gen.Frequency((3, Gen.Choose(0, 5)), (2, Gen.Choose(0, 120)), (1, Gen.Choose(0, 1500)))
        select new Step(kind, metric, amount);

    private sealed record Step(Kind Kind, int Metric, int Amount);

    /// <summary>Runs steps against a real gate on a fake clock and against the definition, side by side.</summary>
    private sealed class Simulation
    {
        private readonly FakeClock _clock = FakeClock.AtNewYear2026();
        private readonly bool _slices;
        private readonly EntitlementGate _gate;
        private readonly EntitlementHandle _handle;
        private readonly Dictionary<Metric, long> _usage = EntitlementModel.Metrics.ToDictionary(m => m, _ => 0L);
        private TenantEntitlements _config;
        private NodaTime.Interval _period;

        public Simulation(bool slices)
        {
            _slices = slices;
            var options = new EntitlementOptions();
            options.Plans.Add(Plan);
            _gate = new EntitlementGate(_clock, new InMemoryQuotaLeaseStore(), Options.Create(options));
            _config = new TenantEntitlements(TenantId.New(), Plan.Id, new LocalDate(2026, 1, 1), DateTimeZone.Utc);
            _gate.Apply(_config);
            _handle = _gate.GetHandle(_config.Tenant);
            _period = _config.UsagePeriodAt(_clock.Now);
        }

        public string? Run(Step step)
        {
            var metric = EntitlementModel.Metrics[step.Metric];
            Change(step, metric);
            if (_slices)
            {
                // Counters replaced at a new usage period start without slices; switch them on again, as contention would.
                _handle.Check(metric, 0);
                _handle.SwitchOnSlices();
            }

            var now = _clock.Now;
            if (_config.UsagePeriodAt(now) != _period)
            {
                _period = _config.UsagePeriodAt(now);
                foreach (var counter in EntitlementModel.Metrics.Where(m => m.Kind == MetricKind.Counter))
                {
                    _usage[counter] = 0;
                }
            }

            var failure = Use(step, metric, EntitlementModel.Limit(Plan, _config, metric, now));
            return failure ?? (_handle.GetUsage(metric) == _usage[metric] ? null : $"usage of {metric} is {_handle.GetUsage(metric)}, expected {_usage[metric]}");
        }

        private void Change(Step step, Metric metric)
        {
            var now = _clock.Now;
            switch (step.Kind)
            {
                case Kind.Advance:
                    _clock.Advance(Duration.FromMinutes(step.Amount * 37));
                    return;
                case Kind.Grant:
                    var grace = new GraceAllowance(Guid.NewGuid(), metric, step.Amount + 1, now, now + Duration.FromHours((step.Amount % 30) + 1), "Property");
                    _config = _config with { GraceAllowances = _config.GraceAllowances.Add(grace) };
                    break;
                case Kind.Override:
                    _config = _config with { QuotaOverrides = _config.QuotaOverrides.SetItem(metric, new QuotaOverride(metric, Quota.Of(step.Amount * 3), "Property", now)) };
                    break;
                case Kind.RemoveOverride:
                    _config = _config with { QuotaOverrides = _config.QuotaOverrides.Remove(metric) };
                    break;
                default:
                    return;
            }

            _gate.Apply(_config);
        }

        private string? Use(Step step, Metric metric, long? limit)
        {
            var fits = limit is { } l && step.Amount <= l - _usage[metric];
            switch (step.Kind)
            {
                case Kind.Consume:
                    var decision = _handle.TryConsume(metric, step.Amount);
                    if (decision.IsAllowed != fits || (limit is null && decision.Reason != EntitlementReason.MetricNotInPlan))
                    {
                        return $"consume {step.Amount} {metric} at {_clock.Now}: {decision} with usage {_usage[metric]} and limit {limit}";
                    }

                    if (decision.IsAllowed)
                    {
                        _usage[metric] += step.Amount;
                        return _usage[metric] <= limit ? null : $"usage {_usage[metric]} above {limit}";
                    }

                    return null;
                case Kind.Check:
                    var check = _handle.Check(metric, step.Amount);
                    return check.IsAllowed == fits && (limit is null || check.Limit == limit)
                        ? null
                        : $"check {step.Amount} {metric} at {_clock.Now}: {check} with usage {_usage[metric]} and limit {limit}";
                case Kind.Release when metric.Kind == MetricKind.Gauge:
                    _handle.Release(metric, step.Amount);
                    _usage[metric] = Math.Max(0, _usage[metric] - step.Amount);
                    return null;
                default:
                    return null;
            }
        }
    }
}
