using BillingKit.Dunning;
using BillingKit.Invoicing;
using NodaTime;

namespace BillingKit.Operations.Tests.Views;

public class CustomerLookupTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");
    private static readonly TenantId Globex = TenantId.From("ten_globex");
    private static readonly TenantId Initech = TenantId.From("ten_initech");

    private static async Task<BillingKitDesk> DeskWithThreeTenantsAsync()
    {
        var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.RegisterAsync(Globex, "Globex Corporation", "ap@globex.example");
        await desk.RegisterAsync(Initech, "Initech", "finance@initech.example");
        return desk;
    }

    [Theory]
    [InlineData("acme", "Acme Corp")]
    [InlineData("ACME CORP", "Acme Corp")]
    [InlineData("ap@globex", "Globex Corporation")]
    [InlineData("  INITECH.example ", "Initech")]
    [InlineData("cus_ten_globex", "Globex Corporation")]
    public async Task Support_finds_a_customer_by_part_of_the_name_or_email_ignoring_case(string typed, string expected)
    {
        await using var desk = await DeskWithThreeTenantsAsync();

        var found = await desk.Get<DeskViews>().FindCustomersAsync(DeskFixture.Support, typed);

        Assert.Equal([expected], found.Select(a => a.Name), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_lookup_that_matches_several_tenants_lists_them_by_name_and_a_blank_one_lists_none()
    {
        await using var desk = await DeskWithThreeTenantsAsync();
        var views = desk.Get<DeskViews>();

        Assert.Equal(["Acme Corp", "Globex Corporation", "Initech"], (await views.FindCustomersAsync(DeskFixture.Support, ".example")).Select(a => a.Name), StringComparer.Ordinal);
        Assert.Equal(["Globex Corporation"], (await views.FindCustomersAsync(DeskFixture.Support, "corporation")).Select(a => a.Name), StringComparer.Ordinal);
        Assert.Empty(await views.FindCustomersAsync(DeskFixture.Support, "   "));
        Assert.Empty(await views.FindCustomersAsync(DeskFixture.Support, "umbrella"));
    }

    [Fact]
    public async Task The_lookup_returns_at_most_the_configured_number_of_tenants()
    {
        await using var desk = BillingKitDesk.Create(o => o.Views.LookupLimit = 2);
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.RegisterAsync(Globex, "Globex Corporation", "ap@globex.example");
        await desk.RegisterAsync(Initech, "Initech", "finance@initech.example");

        Assert.Equal(2, (await desk.Get<DeskViews>().FindCustomersAsync(DeskFixture.Support, "example")).Count);
    }

    [Fact]
    public async Task A_customer_cannot_look_anyone_up()
    {
        await using var desk = await DeskWithThreeTenantsAsync();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<DeskViews>().FindCustomersAsync(DeskFixture.Customer, "acme"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<DeskViews>().GetBillingDetailAsync(DeskFixture.Customer, Acme));

        Assert.Equal(DeskPermission.ViewBilling, denied.Permission);
    }

    [Fact]
    public async Task The_lookup_leads_to_the_billing_detail_with_plan_dunning_provider_balances_invoices_and_payments()
    {
        await using var desk = await DeskWithThreeTenantsAsync();
        await desk.PutOnPlanAsync(Acme, BillingKitDesk.Starter);
        await desk.SubscribeAsync(Acme, BillingKitDesk.Starter, Money.FromMajor(49m, Currency.USD), BillingFrequency.Monthly);
        var draft = await desk.Get<InvoiceService>().CreateDraftAsync(Acme, new NewInvoice(
            CustomerId.From(Acme.Value), new InvoiceParty("Acme Corp"), Currency.USD, desk.Today, PaymentTerms.Net30)
        {
            Lines = [InvoiceLine.Create("Starter plan, January", Money.FromMajor(49m, Currency.USD), 1m, 0m)],
        });
        var invoice = await desk.Get<InvoiceService>().FinalizeAsync(Acme, draft.Id);
        await desk.PayAsync(Acme, "pay_jan", Money.FromMajor(49m, Currency.USD), desk.Today);
        desk.Clock.AdvanceDays(31);
        await desk.FailAttemptAsync(Acme, "pay_feb", Money.FromMajor(49m, Currency.USD));
        await desk.FailPaymentAsync(Acme);

        var views = desk.Get<DeskViews>();
        var match = Assert.Single(await views.FindCustomersAsync(DeskFixture.Support, "billing@acme"));
        var detail = await views.GetBillingDetailAsync(DeskFixture.Support, match.Tenant);

        Assert.Equal("Acme Corp", detail.Account.Name);
        Assert.Equal(BillingKitDesk.Starter, detail.Plan);
        Assert.Equal(DunningState.PastDue, detail.Dunning!.State);
        Assert.Equal((ProviderName.Stripe, "cus_ten_acme"), (detail.Provider, detail.ProviderCustomerId));
        var usd = Assert.Single(detail.Balances);
        Assert.Equal(Money.FromMajor(49m, Currency.USD), usd.Paid);
        Assert.Equal(BillingKitDesk.Starter, Assert.Single(detail.Subscriptions).PlanId);
        Assert.Equal(invoice.Number, Assert.Single(detail.RecentInvoices).Number);
        Assert.Equal(["pay_feb", "pay_jan"], detail.RecentPayments.Select(p => p.Id.Value), StringComparer.Ordinal);
    }

    [Fact]
    public async Task The_billing_detail_shows_only_the_configured_number_of_recent_payments()
    {
        await using var desk = BillingKitDesk.Create(o => o.Views.RecentItems = 2);
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        for (var month = 1; month <= 3; month++)
        {
            await desk.PayAsync(Acme, $"pay_{month}", Money.FromMajor(10m, Currency.USD), new LocalDate(2026, month, 1));
        }

        var detail = await desk.Get<DeskViews>().GetBillingDetailAsync(DeskFixture.Finance, Acme);

        Assert.Equal(["pay_3", "pay_2"], detail.RecentPayments.Select(p => p.Id.Value), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_registered_tenant_with_no_billing_yet_has_an_empty_detail_and_an_unknown_one_is_refused()
    {
        await using var desk = await DeskWithThreeTenantsAsync();
        var views = desk.Get<DeskViews>();

        var detail = await views.GetBillingDetailAsync(DeskFixture.Support, Globex);
        var unknown = await Assert.ThrowsAsync<InvalidTenantAccountException>(() => views.GetBillingDetailAsync(DeskFixture.Support, TenantId.From("ten_nobody")));

        Assert.Equal(BillingKitDesk.Pro, detail.Plan);
        Assert.Null(detail.Dunning);
        Assert.Empty(detail.Balances);
        Assert.Empty(detail.Subscriptions);
        Assert.Empty(detail.RecentInvoices);
        Assert.Empty(detail.RecentPayments);
        Assert.Contains("is not registered", unknown.Message, StringComparison.Ordinal);
    }
}
