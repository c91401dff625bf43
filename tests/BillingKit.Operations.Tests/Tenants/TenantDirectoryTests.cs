using NodaTime;

namespace BillingKit.Operations.Tests.Tenants;

public class TenantDirectoryTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");

    [Fact]
    public async Task A_billing_admin_registers_a_tenant_and_the_audit_log_says_who_and_why()
    {
        await using var desk = BillingKitDesk.Create();
        var account = BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example") with { TimeZone = DateTimeZoneProviders.Tzdb["Africa/Lagos"] };

        var stored = await desk.Get<TenantDirectory>().RegisterAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Signed the annual Pro contract"), account);

        Assert.Equal(desk.Clock.Now, stored.RegisteredAt);
        Assert.Equal(stored, await desk.Get<TenantDirectory>().GetAsync(DeskFixture.Support, Acme));
        var record = Assert.Single(await desk.AuditRecordsAsync(Acme));
        Assert.Equal(("tenant.register", DeskFixture.BillingAdmin.Id, BillingRole.BillingAdmin, "Signed the annual Pro contract", AuditOutcome.Succeeded, "ten_acme"),
            (record.Action, record.ActorId, record.ActorRole, record.Reason, record.Outcome, record.Target));
        Assert.Equal("stripe", record.Details["provider"]);
        Assert.Equal("USD", record.Details["currency"]);
    }

    [Theory]
    [InlineData(BillingRole.Finance)]
    [InlineData(BillingRole.Support)]
    [InlineData(BillingRole.Customer)]
    public async Task Roles_without_subscription_management_cannot_register_and_nothing_is_written(BillingRole role)
    {
        await using var desk = BillingKitDesk.Create();
        var actor = new Actor("someone", role, "Someone");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Get<TenantDirectory>().RegisterAsync(BillingKitDesk.Request(actor, Acme), BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example")));

        Assert.Equal(DeskPermission.ManageSubscriptions, denied.Permission);
        Assert.Null(await desk.Get<ITenantAccountStore>().FindAsync(Acme));
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Theory]
    [InlineData("", "billing@acme.example", "Name must be 1 to 200 characters and not blank.")]
    [InlineData("Acme Corp", "billing.acme.example", "BillingEmail 'billing.acme.example' is not an e-mail address")]
    [InlineData("Acme Corp", "bill ing@acme.example", "is not an e-mail address")]
    [InlineData("Acme Corp", "billing@", "is not an e-mail address")]
    public async Task An_invalid_account_is_refused_with_what_was_wrong_and_nothing_is_written(string name, string email, string expected)
    {
        await using var desk = BillingKitDesk.Create();

        var refused = await Assert.ThrowsAsync<InvalidTenantAccountException>(() =>
            desk.Get<TenantDirectory>().RegisterAsync(BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Onboarding"), BillingKitDesk.Account(Acme, name, email)));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Null(await desk.Get<ITenantAccountStore>().FindAsync(Acme));
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task An_account_without_a_currency_or_for_another_tenant_is_refused()
    {
        await using var desk = BillingKitDesk.Create();
        var directory = desk.Get<TenantDirectory>();
        var request = BillingKitDesk.Request(DeskFixture.SuperAdmin, Acme, "Onboarding");

        var noCurrency = await Assert.ThrowsAsync<InvalidTenantAccountException>(() =>
            directory.RegisterAsync(request, BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example") with { Currency = default }));
        var otherTenant = await Assert.ThrowsAsync<InvalidTenantAccountException>(() =>
            directory.RegisterAsync(request, BillingKitDesk.Account(TenantId.From("ten_globex"), "Globex", "ap@globex.example")));

        Assert.Contains("Currency is not set", noCurrency.Message, StringComparison.Ordinal);
        Assert.Contains("must be the same", otherTenant.Message, StringComparison.Ordinal);
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task Registering_twice_is_refused_and_the_first_account_stays()
    {
        await using var desk = BillingKitDesk.Create();
        var first = await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");

        await Assert.ThrowsAsync<InvalidTenantAccountException>(() => desk.RegisterAsync(Acme, "Acme Again", "other@acme.example"));

        Assert.Equal(first, await desk.Get<ITenantAccountStore>().FindAsync(Acme));
        Assert.Single(await desk.AuditRecordsAsync(Acme));
    }

    [Fact]
    public async Task Updating_an_account_keeps_its_registration_and_records_which_fields_changed()
    {
        await using var desk = BillingKitDesk.Create();
        var first = await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        desk.Clock.AdvanceDays(3);

        var updated = await desk.Get<TenantDirectory>().UpdateAsync(
            BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "New accounts payable mailbox"),
            first with { BillingEmail = "ap@acme.example", Plan = BillingKitDesk.Starter });

        Assert.Equal(first.RegisteredAt, updated.RegisteredAt);
        Assert.Equal(desk.Clock.Now, updated.UpdatedAt);
        Assert.Equal("ap@acme.example", (await desk.Get<ITenantAccountStore>().FindAsync(Acme))!.BillingEmail);
        var record = (await desk.AuditRecordsAsync(Acme))[^1];
        Assert.Equal(("tenant.update", "billing-email,plan"), (record.Action, record.Details["changed"]));
    }

    [Fact]
    public async Task Updating_a_tenant_that_is_not_registered_is_refused()
    {
        await using var desk = BillingKitDesk.Create();

        var refused = await Assert.ThrowsAsync<InvalidTenantAccountException>(() =>
            desk.Get<TenantDirectory>().UpdateAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Acme, "Fix e-mail"), BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example")));

        Assert.Contains("is not registered", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task The_in_memory_store_shows_a_units_write_to_that_unit_only_until_it_commits()
    {
        var store = new InMemoryTenantAccountStore();
        var factory = new Storage.InMemoryUnitOfWorkFactory();
        var account = BillingKitDesk.Account(Acme, "Acme Corp", "billing@acme.example");

        await using (var discarded = await factory.BeginAsync(Acme))
        {
            await store.SaveAsync(discarded, account);
            Assert.Equal(account, await store.GetAsync(discarded));
        }

        Assert.Null(await store.FindAsync(Acme));
        await using (var unit = await factory.BeginAsync(Acme))
        {
            await store.SaveAsync(unit, account);
            await unit.CommitAsync();
        }

        Assert.Equal(account, await store.FindAsync(Acme));
        Assert.Equal([account], await store.ListAsync());
    }
}
