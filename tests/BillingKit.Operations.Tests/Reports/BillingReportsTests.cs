using BillingKit.Dunning;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using NodaTime;

namespace BillingKit.Operations.Tests.Reports;

/// <summary>
/// The reports against figures worked out by hand on a small book of six tenants (amounts in USD unless noted):
/// <code>
/// Acme Corp        Pro monthly 99.00, active        paid Jan 1, Feb 1, Mar 1 (99.00 each)     MRR 99.00
/// Globex Corp      annual 999.90 (83.325 -> 83.32 half-even) + quarterly 100.00 (33.333 -> 33.33), active
///                                                   paid Jan 15 999.90, Feb 10 100.00        MRR 116.65
/// Initech          monthly 49.00, past due (dunning) charge 49.00 owed; attempts failed Feb 1 and Feb 4   MRR 49.00
/// Umbrella Health  monthly 199.00, trial until Apr 1 no payments                              MRR 0
/// Hooli            monthly 79.00, canceled Feb 20   paid Jan 5 79.00                          MRR 0
/// Naija Ltd        NGN monthly 50,000.00, active, Africa/Lagos
///                                                   attempt failed 2026-01-31 23:30 UTC (= Feb 1 in Lagos); paid Mar 2
/// MRR: USD 99.00 + 116.65 + 49.00 = 264.65; NGN 50,000.00. Subscriptions: 4 active, 1 trial, 1 past due, 1 canceled.
/// February: 2 paid (USD 199.00, average 99.50), 3 failed attempts: success 2/5, failure 3/5; outstanding USD 49.00.
/// Q1: 7 paid (USD 1,475.90 over 6 = 245.983 -> 245.98; NGN 50,000.00 over 1), 3 failed: success 7/10, failure 3/10.
/// </code>
/// </summary>
public class BillingReportsTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");
    private static readonly TenantId Globex = TenantId.From("ten_globex");
    private static readonly TenantId Initech = TenantId.From("ten_initech");
    private static readonly TenantId Umbrella = TenantId.From("ten_umbrella");
    private static readonly TenantId Hooli = TenantId.From("ten_hooli");
    private static readonly TenantId Naija = TenantId.From("ten_naija");
    private static readonly DateTimeZone Lagos = DateTimeZoneProviders.Tzdb["Africa/Lagos"];

    private static Money Usd(decimal amount) => Money.FromMajor(amount, Currency.USD);

    private static Money Ngn(decimal amount) => Money.FromMajor(amount, Currency.NGN);

    private static async Task<BillingKitDesk> BookAsync()
    {
        var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example"));
        await desk.RegisterAsync(BillingKitDesk.Account(Globex, "Globex Corp", "ap@globex.example") with { Plan = PlanId.From("enterprise") });
        await desk.RegisterAsync(BillingKitDesk.Account(Initech, "Initech", "finance@initech.example") with { Plan = BillingKitDesk.Starter });
        await desk.RegisterAsync(BillingKitDesk.Account(Umbrella, "Umbrella Health", "billing@umbrella.example") with { Plan = PlanId.From("business") });
        await desk.RegisterAsync(BillingKitDesk.Account(Hooli, "Hooli", "ap@hooli.example") with { Provider = ProviderName.Paystack });
        await desk.RegisterAsync(BillingKitDesk.Account(Naija, "Naija Ltd", "accounts@naija.example", Currency.NGN) with { Provider = ProviderName.Flutterwave, TimeZone = Lagos });

        var jan1 = new LocalDate(2026, 1, 1);
        await SubscribeAsync(desk, Acme, BillingKitDesk.Pro, Usd(99m), BillingFrequency.Monthly, jan1);
        await SubscribeAsync(desk, Globex, PlanId.From("enterprise"), Usd(999.90m), BillingFrequency.Annually, new LocalDate(2026, 1, 15));
        await SubscribeAsync(desk, Globex, PlanId.From("addon"), Usd(100m), BillingFrequency.Quarterly, new LocalDate(2026, 2, 10));
        await SubscribeAsync(desk, Initech, BillingKitDesk.Starter, Usd(49m), BillingFrequency.Monthly, jan1);
        await SubscribeAsync(desk, Umbrella, PlanId.From("business"), Usd(199m), BillingFrequency.Monthly, new LocalDate(2026, 3, 1), trialEnd: new LocalDate(2026, 4, 1));
        var hooli = await SubscribeAsync(desk, Hooli, BillingKitDesk.Pro, Usd(79m), BillingFrequency.Monthly, jan1);
        await SubscribeAsync(desk, Naija, BillingKitDesk.Pro, Ngn(50_000m), BillingFrequency.Monthly, jan1);

        await desk.PayAsync(Acme, "pay_acme_jan", Usd(99m), new LocalDate(2026, 1, 1));
        await desk.PayAsync(Acme, "pay_acme_feb", Usd(99m), new LocalDate(2026, 2, 1));
        await desk.PayAsync(Acme, "pay_acme_mar", Usd(99m), new LocalDate(2026, 3, 1));
        await desk.PayAsync(Globex, "pay_globex_annual", Usd(999.90m), new LocalDate(2026, 1, 15));
        await desk.PayAsync(Globex, "pay_globex_addon", Usd(100m), new LocalDate(2026, 2, 10));
        await desk.PayAsync(Hooli, "pay_hooli_jan", Usd(79m), new LocalDate(2026, 1, 5), ProviderName.Paystack);
        await desk.PayAsync(Naija, "pay_naija_mar", Ngn(50_000m), new LocalDate(2026, 3, 2), ProviderName.Flutterwave);

        desk.Clock.Set(Instant.FromUtc(2026, 1, 31, 23, 30));
        await desk.FailAttemptAsync(Naija, "pay_naija_feb", Ngn(50_000m));
        desk.Clock.Set(Instant.FromUtc(2026, 2, 1, 10, 0));
        await desk.Get<LedgerService>().PostChargeAsync(Initech, new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("charge", "initech-feb"),
            Actor = Actor.System,
            Amount = Usd(49m),
            DueDate = new LocalDate(2026, 2, 1),
        });
        await desk.FailAttemptAsync(Initech, "pay_initech_feb", Usd(49m));
        await desk.FailPaymentAsync(Initech, "card_declined");
        desk.Clock.Set(Instant.FromUtc(2026, 2, 4, 10, 0));
        await desk.FailAttemptAsync(Initech, "pay_initech_feb", Usd(49m));
        desk.Clock.Set(Instant.FromUtc(2026, 2, 20, 9, 0));
        await desk.Get<SubscriptionService>().CancelAsync(Hooli, hooli.Id, CancellationTiming.Immediately);
        desk.Clock.Set(Instant.FromUtc(2026, 3, 15, 12, 0));
        return desk;
    }

    private static Task<Subscription> SubscribeAsync(BillingKitDesk desk, TenantId tenant, PlanId plan, Money price, BillingFrequency frequency, LocalDate start, LocalDate? trialEnd = null) =>
        desk.Get<SubscriptionService>().CreateAsync(tenant, new NewSubscription(CustomerId.From(tenant.Value), plan, price, frequency, start) { TrialEnd = trialEnd }).AsTask();

    [Fact]
    public async Task Monitoring_normalizes_MRR_to_a_month_per_currency_and_counts_subscriptions_by_status()
    {
        await using var desk = await BookAsync();

        var report = await desk.Get<BillingReports>().GetMonitoringAsync(DeskFixture.Finance);

        Assert.Equal(Instant.FromUtc(2026, 3, 15, 12, 0), report.AsOf);
        Assert.Equal([Ngn(50_000m), Usd(264.65m)], report.Mrr);
        Assert.Equal(new SubscriptionCounts(Active: 4, Trial: 1, PastDue: 1, Canceled: 1), report.Subscriptions);
        Assert.Equal(7, report.Subscriptions.Total);
    }

    [Fact]
    public async Task The_tenant_table_has_name_plan_status_provider_last_payment_and_MRR_contribution()
    {
        await using var desk = await BookAsync();

        var rows = (await desk.Get<BillingReports>().GetMonitoringAsync(DeskFixture.BillingAdmin)).Tenants;

        Assert.Equal(
            [
                ("Acme Corp", "pro", TenantBillingStatus.Active, "stripe", (LocalDate?)new LocalDate(2026, 3, 1), "USD 99.00"),
                ("Globex Corp", "enterprise", TenantBillingStatus.Active, "stripe", new LocalDate(2026, 2, 10), "USD 116.65"),
                ("Hooli", "pro", TenantBillingStatus.Canceled, "paystack", new LocalDate(2026, 1, 5), ""),
                ("Initech", "starter", TenantBillingStatus.PastDue, "stripe", null, "USD 49.00"),
                ("Naija Ltd", "pro", TenantBillingStatus.Active, "flutterwave", new LocalDate(2026, 3, 2), "NGN 50000.00"),
                ("Umbrella Health", "business", TenantBillingStatus.Trial, "stripe", null, ""),
            ],
            rows.Select(r => (r.Name, r.Plan!.Value.Value, r.Status, r.Provider.Value, r.LastPaymentDate, string.Join(" + ", r.Mrr))));
        Assert.Equal(DunningState.PastDue, rows.Single(r => r.Tenant == Initech).Dunning);
    }

    [Fact]
    public async Task Subscriptions_of_billing_group_members_count_in_the_tenants_MRR()
    {
        await using var desk = BillingKitDesk.Create();
        var clinics = TenantId.From("ten_clinics");
        await desk.RegisterAsync(BillingKitDesk.Account(clinics, "Clinics Group", "ap@clinics.example"));
        var groups = desk.Get<BillingGroupService>();
        var group = await groups.CreateAsync(clinics, "All clinics", new InvoiceParty("Clinics Group"), "ap@clinics.example", PaymentTerms.Net14, Currency.USD);
        foreach (var clinic in new[] { "north", "south" })
        {
            await groups.AddMemberAsync(clinics, group.Id, new BillingGroupMember(CustomerId.From(clinic), clinic));
            await desk.Get<SubscriptionService>().CreateAsync(clinics, new NewSubscription(CustomerId.From(clinic), BillingKitDesk.Pro, Usd(89m), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)));
        }

        desk.Clock.Set(Instant.FromUtc(2026, 3, 15, 12, 0));
        var row = Assert.Single((await desk.Get<BillingReports>().GetMonitoringAsync(DeskFixture.Finance)).Tenants);

        Assert.Equal([Usd(178m)], row.Mrr);
        Assert.Equal(TenantBillingStatus.Active, row.Status);
    }

    [Fact]
    public async Task The_tenant_detail_shows_each_subscriptions_status_and_monthly_amount()
    {
        await using var desk = await BookAsync();

        var detail = await desk.Get<BillingReports>().GetTenantDetailAsync(DeskFixture.Finance, Globex);

        Assert.Equal("Globex Corp", detail.Account.Name);
        Assert.Equal(
            [(BillingFrequency.Quarterly, SubscriptionReportStatus.Active, Usd(33.33m)), (BillingFrequency.Annually, SubscriptionReportStatus.Active, Usd(83.32m))],
            detail.Subscriptions.Select(l => (l.Subscription.Frequency, l.Status, l.MonthlyAmount)).OrderBy(l => l.Frequency));
        Assert.Equal([Usd(116.65m)], detail.Row.Mrr);
        Assert.Equal(Usd(1_099.90m), Assert.Single(detail.Balances).Paid);
        Assert.Equal(["pay_globex_addon", "pay_globex_annual"], detail.RecentPayments.Select(p => p.Id.Value), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_february_payment_report_counts_failures_on_the_tenants_own_calendar_day()
    {
        await using var desk = await BookAsync();

        var report = await desk.Get<BillingReports>().GetPaymentReportAsync(DeskFixture.Finance, new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28));

        Assert.Equal((2, 3), (report.SuccessfulPayments, report.FailedPayments));
        Assert.Equal((new Rate(2, 5), new Rate(3, 5)), (report.SuccessRate, report.FailureRate));
        Assert.Equal((0.4m, 0.6m), (report.SuccessRate.ToDecimal(), report.FailureRate.ToDecimal()));
        var usd = Assert.Single(report.Totals);
        Assert.Equal(new PaymentTotals(Currency.USD, Usd(199m), Usd(49m), 2, Usd(99.50m)), usd);
    }

    [Fact]
    public async Task The_quarter_report_has_income_and_average_per_currency_and_exact_rates()
    {
        await using var desk = await BookAsync();

        var report = await desk.Get<BillingReports>().GetPaymentReportAsync(DeskFixture.BillingAdmin, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31));

        Assert.Equal((7, 3), (report.SuccessfulPayments, report.FailedPayments));
        Assert.Equal("7/10", report.SuccessRate.ToString());
        Assert.Equal((70.00m, 30.00m), (report.SuccessRate.ToPercent(), report.FailureRate.ToPercent()));
        Assert.Equal(
            [
                new PaymentTotals(Currency.NGN, Ngn(50_000m), Ngn(0m), 1, Ngn(50_000m)),
                new PaymentTotals(Currency.USD, Usd(1_475.90m), Usd(49m), 6, Usd(245.98m)),
            ],
            report.Totals);
    }

    [Fact]
    public async Task A_period_without_outcomes_has_undefined_rates_and_an_inverted_period_is_refused()
    {
        await using var desk = await BookAsync();
        var reports = desk.Get<BillingReports>();

        var empty = await reports.GetPaymentReportAsync(DeskFixture.Finance, new LocalDate(2025, 6, 1), new LocalDate(2025, 6, 30));
        var inverted = await Assert.ThrowsAsync<ArgumentException>(() => reports.GetPaymentReportAsync(DeskFixture.Finance, new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));

        Assert.False(empty.SuccessRate.IsDefined);
        Assert.Null(empty.SuccessRate.ToDecimal());
        Assert.Equal([Currency.USD], empty.Totals.Select(t => t.Currency));
        Assert.Null(empty.Totals[0].AveragePaymentValue);
        Assert.Contains("expected From <= To", inverted.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BillingRole.Support)]
    [InlineData(BillingRole.System)]
    [InlineData(BillingRole.Customer)]
    public async Task Reports_are_for_finance_and_admins(BillingRole role)
    {
        await using var desk = BillingKitDesk.Create();
        var actor = new Actor("someone", role, "Someone");
        var reports = desk.Get<BillingReports>();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => reports.GetMonitoringAsync(actor));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => reports.GetPaymentReportAsync(actor, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => reports.GetTenantDetailAsync(actor, Acme));

        Assert.Equal(DeskPermission.ViewReports, denied.Permission);
    }
}
