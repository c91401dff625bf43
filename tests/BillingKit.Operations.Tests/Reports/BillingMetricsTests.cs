using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Reports;

public class BillingMetricsTests
{
    private static readonly LocalDate Today = new(2026, 3, 15);

    private static Subscription Subscription(Money price, BillingFrequency frequency, LocalDate? trialEnd = null) =>
        Invoicing.Subscription.Create(SubscriptionId.From("sub_1"), new NewSubscription(CustomerId.From("cus_1"), PlanId.From("pro"), price, frequency, new LocalDate(2026, 1, 1)) { TrialEnd = trialEnd });

    [Theory]
    [InlineData(BillingFrequency.Monthly, "99.00", "99.00")]
    [InlineData(BillingFrequency.Quarterly, "100.00", "33.33")]
    [InlineData(BillingFrequency.Annually, "999.90", "83.32")]
    [InlineData(BillingFrequency.Annually, "1000.02", "83.34")]
    [InlineData(BillingFrequency.Annually, "1200.00", "100.00")]
    public void A_price_is_normalized_to_a_month_rounding_half_to_even(BillingFrequency frequency, string price, string monthly) =>
        Assert.Equal(Money.FromMajor(decimal.Parse(monthly), Currency.USD), BillingMetrics.MonthlyAmount(Subscription(Money.FromMajor(decimal.Parse(price), Currency.USD), frequency)));

    [Fact]
    public void Twelve_monthly_amounts_of_an_annual_price_are_within_six_minor_units_of_it() =>
        PropertyTest.Check(Prop.ForAll(Gen.Choose(0, 100_000_000).ToArbitrary(), minor =>
        {
            var annual = Money.FromMinorUnits(minor, Currency.USD);
            var monthly = BillingMetrics.MonthlyAmount(Subscription(annual, BillingFrequency.Annually));
            return Math.Abs(monthly.MinorUnits * 12 - minor) <= 6;
        }));

    [Fact]
    public void A_subscription_counts_by_its_status_the_tenants_dunning_state_and_the_day()
    {
        var active = Subscription(Money.FromMajor(10m, Currency.USD), BillingFrequency.Monthly);
        var trial = Subscription(Money.FromMajor(10m, Currency.USD), BillingFrequency.Monthly, trialEnd: new LocalDate(2026, 4, 1));
        var endedTrial = Subscription(Money.FromMajor(10m, Currency.USD), BillingFrequency.Monthly, trialEnd: new LocalDate(2026, 3, 1));

        Assert.Equal(SubscriptionReportStatus.Active, BillingMetrics.Classify(active, null, Today));
        Assert.Equal(SubscriptionReportStatus.Active, BillingMetrics.Classify(active, DunningState.Active, Today));
        Assert.Equal(SubscriptionReportStatus.PastDue, BillingMetrics.Classify(active, DunningState.Suspended, Today));
        Assert.Equal(SubscriptionReportStatus.Trial, BillingMetrics.Classify(trial, null, Today));
        Assert.Equal(SubscriptionReportStatus.Active, BillingMetrics.Classify(endedTrial, null, Today));
        Assert.Equal(SubscriptionReportStatus.Canceled, BillingMetrics.Classify(active.Cancel(new LocalDate(2026, 2, 20), CancellationTiming.Immediately), null, Today));
        Assert.Equal(SubscriptionReportStatus.Active, BillingMetrics.Classify(active.Cancel(Today, CancellationTiming.AtPeriodEnd), null, Today));
    }

    [Theory]
    [InlineData(new SubscriptionReportStatus[0], TenantBillingStatus.NoSubscription)]
    [InlineData(new[] { SubscriptionReportStatus.Canceled, SubscriptionReportStatus.Trial }, TenantBillingStatus.Trial)]
    [InlineData(new[] { SubscriptionReportStatus.Trial, SubscriptionReportStatus.Active }, TenantBillingStatus.Active)]
    [InlineData(new[] { SubscriptionReportStatus.Active, SubscriptionReportStatus.PastDue }, TenantBillingStatus.PastDue)]
    [InlineData(new[] { SubscriptionReportStatus.Canceled }, TenantBillingStatus.Canceled)]
    public void A_tenants_status_is_its_most_pressing_subscriptions(SubscriptionReportStatus[] statuses, TenantBillingStatus expected) =>
        Assert.Equal(expected, BillingMetrics.TenantStatus(statuses));

    [Fact]
    public void A_rate_is_an_exact_fraction_rounded_only_for_display()
    {
        var rate = new Rate(1, 3);

        Assert.Equal("1/3", rate.ToString());
        Assert.Equal(0.3333m, rate.ToDecimal());
        Assert.Equal(33.33m, rate.ToPercent());
        Assert.Equal(0.125m, new Rate(1, 8).ToDecimal(3));
        Assert.Equal(0.12m, new Rate(1, 8).ToDecimal(2));
        Assert.False(default(Rate).IsDefined);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(-1, 3));
    }
}
