using BillingKit.Invoicing;
using BillingKit.PostgreSql.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Contracts;

/// <summary>The invoicing store contracts (invoices, numbering, payments, credit notes, subscriptions, groups, purchase orders).</summary>
public abstract class InvoicingStoreContract : StoreContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    [Fact]
    public async Task Numbering_is_gapless_a_rolled_back_number_is_reused_and_series_are_per_tenant()
    {
        Assert.Equal(1, await NextAsync(TenantA, "INV", commit: true));
        Assert.Equal(2, await NextAsync(TenantA, "INV", commit: true));
        Assert.Equal(3, await NextAsync(TenantA, "INV", commit: false));
        Assert.Equal(3, await NextAsync(TenantA, "INV", commit: true));
        Assert.Equal(1, await NextAsync(TenantA, "CN", commit: true));
        Assert.Equal(1, await NextAsync(TenantB, "INV", commit: true));
        await using var unit = await S.Units.BeginAsync(TenantA);
        Assert.Equal(4, await S.Invoices.NextSequenceAsync(unit, "INV"));
        Assert.Equal(5, await S.Invoices.NextSequenceAsync(unit, "INV"));
    }

    [Fact]
    public async Task Invoices_payments_and_credit_notes_round_trip_and_stay_in_their_unit_until_commit()
    {
        var invoice = Draft(TenantA, "inv-1", "cus_1", new LocalDate(2026, 3, 1)).FinalizeAs("INV-0001", Now);
        var payment = new InvoicePayment(PaymentId.From("pay-1"), invoice.Id, Money.FromMinorUnits(500, Currency.USD), Now, []);
        var note = CreditNote.Create(CreditNoteId.From("cn-1"), invoice.Id, Money.FromMinorUnits(100, Currency.USD), Money.FromMinorUnits(100, Currency.USD), Money.FromMinorUnits(0, Currency.USD), Money.FromMinorUnits(0, Currency.USD), "Late delivery", Now);
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Invoices.SaveAsync(unit, invoice);
            await S.Invoices.SavePaymentAsync(unit, payment);
            await S.Invoices.SaveCreditNoteAsync(unit, note);
            AssertSameRecord(invoice, await S.Invoices.FindAsync(unit, invoice.Id));
            AssertSameRecord(payment, await S.Invoices.FindPaymentAsync(unit, payment.PaymentId));
            AssertSameRecord(note, await S.Invoices.FindCreditNoteAsync(unit, note.Id));
            Assert.Null(await S.Invoices.GetAsync(TenantA, invoice.Id));
            await unit.CommitAsync();
        }

        AssertSameRecord(invoice, await S.Invoices.GetAsync(TenantA, invoice.Id));
        AssertSameRecord(payment, Assert.Single(await S.Invoices.GetPaymentsAsync(TenantA, invoice.Id)));
        AssertSameRecord(note, Assert.Single(await S.Invoices.GetCreditNotesAsync(TenantA, invoice.Id)));
        Assert.Null(await S.Invoices.GetAsync(TenantB, invoice.Id));
        Assert.Empty(await S.Invoices.GetPaymentsAsync(TenantB, invoice.Id));
        await using var other = await S.Units.BeginAsync(TenantB);
        Assert.Null(await S.Invoices.FindAsync(other, invoice.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => S.Invoices.SaveAsync(other, invoice).AsTask());
    }

    [Fact]
    public async Task Invoice_search_filters_sorts_newest_first_and_pages()
    {
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            for (var i = 1; i <= 5; i++)
            {
                var draft = Draft(TenantA, "inv-" + i, i % 2 == 0 ? "cus_even" : "cus_odd", new LocalDate(2026, 3, i));
                await S.Invoices.SaveAsync(unit, i == 5 ? draft : draft.FinalizeAs($"INV-{i:0000}", Now));
            }

            await unit.CommitAsync();
        }

        var all = await S.Invoices.SearchAsync(TenantA, new InvoiceQuery());
        Assert.Equal(["inv-5", "inv-4", "inv-3", "inv-2", "inv-1"], all.Items.Select(i => i.Id.Value), StringComparer.Ordinal);
        var even = await S.Invoices.SearchAsync(TenantA, new InvoiceQuery { CustomerId = CustomerId.From("cus_even") });
        Assert.Equal(["inv-4", "inv-2"], even.Items.Select(i => i.Id.Value), StringComparer.Ordinal);
        var page = await S.Invoices.SearchAsync(TenantA, new InvoiceQuery { Page = 2, PageSize = 2 });
        Assert.Equal(["inv-3", "inv-2"], page.Items.Select(i => i.Id.Value), StringComparer.Ordinal);
        Assert.Equal(5, page.TotalCount);
        var byNumber = await S.Invoices.SearchAsync(TenantA, new InvoiceQuery { Number = "inv-000", Status = InvoiceStatus.Open, InvoiceDateFrom = new LocalDate(2026, 3, 2), InvoiceDateTo = new LocalDate(2026, 3, 3) });
        Assert.Equal(["inv-3", "inv-2"], byNumber.Items.Select(i => i.Id.Value), StringComparer.Ordinal);
        Assert.Equal(0, (await S.Invoices.SearchAsync(TenantB, new InvoiceQuery())).TotalCount);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => S.Invoices.SearchAsync(TenantA, new InvoiceQuery { PageSize = 0 }).AsTask());
    }

    [Fact]
    public async Task Subscriptions_with_schedules_groups_and_purchase_orders_round_trip()
    {
        var subscription = Subscription.Create(SubscriptionId.From("sub-1"), new NewSubscription(CustomerId.From("cus_1"), PlanId.From("growth"), Money.FromMinorUnits(4_900, Currency.USD), BillingFrequency.Monthly, new LocalDate(2026, 3, 1)) { TaxRate = 0.2m });
        ScheduledPayment[] schedule =
        [
            new(subscription.Id, 1, new BillingPeriod(new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 1)), new LocalDate(2026, 3, 1), Money.FromMinorUnits(4_900, Currency.USD), ScheduledPaymentStatus.Pending),
            new(subscription.Id, 2, new BillingPeriod(new LocalDate(2026, 4, 1), new LocalDate(2026, 5, 1)), new LocalDate(2026, 4, 1), Money.FromMinorUnits(4_900, Currency.USD), ScheduledPaymentStatus.Pending),
        ];
        var group = BillingGroup.Create(BillingGroupId.From("grp-1"), "Acme Holdings", new InvoiceParty("Ann Lee"), "billing@acme.test", PaymentTerms.Net30, Currency.USD, Now)
            .AddMember(new BillingGroupMember(CustomerId.From("cus_1"), "Acme East"));
        var order = PurchaseOrder.Submit(PurchaseOrderId.From("po-1"), new NewPurchaseOrder(CustomerId.From("cus_1"), "PO-77", Money.FromMinorUnits(100_000, Currency.USD), new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), Now);
        var approved = PurchaseOrder.Submit(PurchaseOrderId.From("po-0"), new NewPurchaseOrder(CustomerId.From("cus_1"), "PO-76", Money.FromMinorUnits(5_000, Currency.USD), new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), Now.Minus(Duration.FromHours(1)))
            .Approve(Clerk, Now);
        await using (var unit = await S.Units.BeginAsync(TenantA))
        {
            await S.Subscriptions.SaveAsync(unit, subscription, schedule);
            await S.BillingGroups.SaveAsync(unit, group);
            await S.PurchaseOrders.SaveAsync(unit, order);
            await S.PurchaseOrders.SaveAsync(unit, approved);
            Assert.Equal(2, (await S.Subscriptions.FindScheduleAsync(unit, subscription.Id)).Count);
            AssertSameRecord(group, await S.BillingGroups.FindByMemberAsync(unit, CustomerId.From("cus_1")));
            Assert.Equal(["po-0", "po-1"], (await S.PurchaseOrders.ListAsync(unit, null)).Select(o => o.Id.Value), StringComparer.Ordinal);
            Assert.Single(await S.Subscriptions.ListForCustomersAsync(unit, [CustomerId.From("cus_1"), CustomerId.From("cus_9")]));
            await unit.CommitAsync();
        }

        AssertSameRecord(subscription, await S.Subscriptions.GetAsync(TenantA, subscription.Id));
        var stored = await S.Subscriptions.GetScheduleAsync(TenantA, subscription.Id);
        Assert.Equal(schedule, stored);
        AssertSameRecord(group, await S.BillingGroups.GetAsync(TenantA, group.Id));
        Assert.Equal(["grp-1"], (await S.BillingGroups.ListAsync(TenantA)).Select(g => g.Id.Value), StringComparer.Ordinal);
        AssertSameRecord(approved, Assert.Single(await S.PurchaseOrders.ListAsync(TenantA, PurchaseOrderStatus.Approved)));
        AssertSameRecord(order, await S.PurchaseOrders.GetAsync(TenantA, order.Id));
        Assert.Null(await S.Subscriptions.GetAsync(TenantB, subscription.Id));
        Assert.Empty(await S.BillingGroups.ListAsync(TenantB));
        Assert.Empty(await S.PurchaseOrders.ListAsync(TenantB, null));
        await using var other = await S.Units.BeginAsync(TenantB);
        Assert.Null(await S.BillingGroups.FindByMemberAsync(other, CustomerId.From("cus_1")));
        Assert.Empty(await S.Subscriptions.ListForCustomersAsync(other, [CustomerId.From("cus_1")]));
    }

    private static Invoice Draft(TenantId tenant, string id, string customer, LocalDate date) =>
        Invoice.CreateDraft(InvoiceId.From(id), tenant, new NewInvoice(CustomerId.From(customer), new InvoiceParty("Customer " + customer), Currency.USD, date, PaymentTerms.Net30)
        {
            Lines = [InvoiceLine.Create("Seats", Money.FromMinorUnits(1_250, Currency.USD), 3m, 0.2m), InvoiceLine.Create("Support", Money.FromMinorUnits(999, Currency.USD))],
        }, Now);

    private async Task<long> NextAsync(TenantId tenant, string series, bool commit)
    {
        await using var unit = await S.Units.BeginAsync(tenant);
        var next = await S.Invoices.NextSequenceAsync(unit, series);
        if (commit)
        {
            await unit.CommitAsync();
        }

        return next;
    }
}

public sealed class InMemoryInvoicingStoreTests : InvoicingStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.InMemoryAsync();
}

public sealed class PostgreSqlInvoicingStoreTests : InvoicingStoreContract
{
    protected override Task<Stores> CreateStoresAsync() => Stores.PostgreSqlAsync();
}
