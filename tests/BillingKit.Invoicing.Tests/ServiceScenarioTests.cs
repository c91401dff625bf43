using NodaTime;

namespace BillingKit.Invoicing.Tests;

public class ServiceScenarioTests
{
    [Fact]
    public async Task A_billing_group_is_invoiced_once_per_period_and_one_payment_settles_every_line()
    {
        using var bed = new TestBed();
        var group = await bed.Groups.CreateAsync(TestBed.Tenant, "Globex Holdings", new InvoiceParty("Hank Scorpio"), "ap@globex.example", PaymentTerms.Net30, Currency.USD);
        await bed.Groups.AddMemberAsync(TestBed.Tenant, group.Id, new BillingGroupMember(CustomerId.From("east"), "Globex East"));
        await bed.Groups.AddMemberAsync(TestBed.Tenant, group.Id, new BillingGroupMember(CustomerId.From("west"), "Globex West"));
        await bed.Subscriptions.CreateAsync(TestBed.Tenant, new NewSubscription(CustomerId.From("east"), PlanId.From("pro"), Sample.Usd(89m), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)) { ContractPeriods = 12 });
        await bed.Subscriptions.CreateAsync(TestBed.Tenant, new NewSubscription(CustomerId.From("west"), PlanId.From("team"), Sample.Usd(249m), BillingFrequency.Monthly, new LocalDate(2026, 1, 10)) { TaxRate = 0.075m });
        var january = new BillingPeriod(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1));

        var draft = await bed.Groups.CreateInvoiceAsync(TestBed.Tenant, group.Id, january);
        var again = await bed.Groups.CreateInvoiceAsync(TestBed.Tenant, group.Id, january);

        Assert.NotNull(draft);
        Assert.Equal(draft.Id, again!.Id);
        Assert.Equal(["Globex East", "Globex West"], draft.Lines.Select(l => l.CustomerName!).ToArray());
        var open = await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id);
        Assert.Equal(Sample.Usd(89m + 249m + 18.68m), open.Total);

        var paid = await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, open.Id, PaymentId.From("wire_1"), open.Total);

        Assert.Equal(InvoiceStatus.Paid, paid.Invoice.Status);
        Assert.Equal(open.Lines.Select(l => l.Total), paid.Payment.Allocations.Select(a => a.Amount));
        var byGroup = await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { BillingGroupId = group.Id });
        Assert.Single(byGroup.Items);
    }

    [Fact]
    public async Task A_customer_can_be_in_only_one_group()
    {
        using var bed = new TestBed();
        var a = await bed.Groups.CreateAsync(TestBed.Tenant, "A", new InvoiceParty("A"), "a@example.com", PaymentTerms.Net30, Currency.USD);
        var b = await bed.Groups.CreateAsync(TestBed.Tenant, "B", new InvoiceParty("B"), "b@example.com", PaymentTerms.Net30, Currency.USD);
        await bed.Groups.AddMemberAsync(TestBed.Tenant, a.Id, new BillingGroupMember(CustomerId.From("east"), "East"));

        await Assert.ThrowsAsync<BillingGroupMembershipException>(async () => await bed.Groups.AddMemberAsync(TestBed.Tenant, b.Id, new BillingGroupMember(CustomerId.From("east"), "East")));
        await bed.Groups.RemoveMemberAsync(TestBed.Tenant, a.Id, CustomerId.From("east"));
        Assert.True((await bed.Groups.AddMemberAsync(TestBed.Tenant, b.Id, new BillingGroupMember(CustomerId.From("east"), "East"))).Contains(CustomerId.From("east")));
    }

    [Fact]
    public async Task Canceling_a_subscription_cancels_its_future_pending_payments()
    {
        using var bed = new TestBed();
        var subscription = await bed.Subscriptions.CreateAsync(TestBed.Tenant, new NewSubscription(Sample.Customer, PlanId.From("pro"), Sample.Usd(89m), BillingFrequency.Monthly, new LocalDate(2026, 1, 1)) { ContractPeriods = 12 });
        await bed.Subscriptions.MarkScheduledPaymentPaidAsync(TestBed.Tenant, subscription.Id, 0);
        bed.Clock.Set(Instant.FromUtc(2026, 2, 15, 12, 0));

        var canceled = await bed.Subscriptions.CancelAsync(TestBed.Tenant, subscription.Id, CancellationTiming.AtPeriodEnd);
        var schedule = await bed.Subscriptions.GetScheduleAsync(TestBed.Tenant, subscription.Id);

        Assert.Equal(new LocalDate(2026, 3, 1), canceled.EndsOn);
        Assert.Equal(ScheduledPaymentStatus.Paid, schedule[0].Status);
        Assert.Equal(ScheduledPaymentStatus.Pending, schedule[1].Status);
        Assert.All(schedule.Skip(2), p => Assert.Equal(ScheduledPaymentStatus.Canceled, p.Status));

        bed.Clock.Set(Instant.FromUtc(2026, 3, 1, 0, 0));
        var ended = await bed.Subscriptions.ChangeStatusAsync(TestBed.Tenant, subscription.Id, s => s.ApplyScheduledCancellation(new LocalDate(2026, 3, 1)));
        Assert.Equal(SubscriptionStatus.Canceled, ended.Status);
        await Assert.ThrowsAsync<SubscriptionStateException>(async () => await bed.Subscriptions.ChangeStatusAsync(TestBed.Tenant, subscription.Id, s => s.MarkPastDue()));
    }

    [Fact]
    public async Task Unknown_ids_raise_a_typed_not_found_error()
    {
        using var bed = new TestBed();
        var error = await Assert.ThrowsAsync<InvoicingNotFoundException>(async () => await bed.Invoices.FinalizeAsync(TestBed.Tenant, InvoiceId.From("inv_missing")));
        Assert.Equal("invoice", error.Kind);
        await Assert.ThrowsAsync<InvoicingNotFoundException>(async () => await bed.Subscriptions.CancelAsync(TestBed.Tenant, SubscriptionId.From("sub_missing"), CancellationTiming.Immediately));
    }
}
