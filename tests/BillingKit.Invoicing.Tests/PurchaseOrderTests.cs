using NodaTime;
using static BillingKit.Invoicing.Tests.Sample;

namespace BillingKit.Invoicing.Tests;

public class PurchaseOrderTests
{
    private static readonly Actor Reviewer = new("fin_1", BillingRole.Finance, "Ada");

    private static NewPurchaseOrder Order(decimal amount = 1000m) =>
        new(Customer, "PO-7781", Usd(amount), new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)) { Reference = "Dept. of Roads" };

    [Fact]
    public async Task The_review_queue_shows_submitted_orders_oldest_first()
    {
        using var bed = new TestBed();
        var first = await bed.Orders.SubmitAsync(TestBed.Tenant, Order());
        bed.Clock.AdvanceHours(1);
        var second = await bed.Orders.SubmitAsync(TestBed.Tenant, Order(500m) with { Number = "PO-7782" });
        await bed.Orders.ApproveAsync(TestBed.Tenant, first.Id, Reviewer);

        var queue = await bed.Orders.GetReviewQueueAsync(TestBed.Tenant);

        var item = Assert.Single(queue);
        Assert.Equal(second.Id, item.Id);
        Assert.Equal(Usd(500m), item.Amount);
        Assert.Equal(PurchaseOrderStatus.Submitted, item.Status);
        Assert.Equal(bed.Clock.Now, item.SubmittedAt);
        Assert.Single(bed.Notifier.Approved);
    }

    [Fact]
    public async Task Invoices_draw_down_an_approved_order_and_may_not_exceed_it()
    {
        using var bed = new TestBed();
        var order = await bed.Orders.SubmitAsync(TestBed.Tenant, Order(100m));
        await Assert.ThrowsAsync<PurchaseOrderStateException>(async () =>
            await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(60m)) with { PurchaseOrderId = order.Id }));
        await bed.Orders.ApproveAsync(TestBed.Tenant, order.Id, Reviewer);

        var first = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(60m)) with { PurchaseOrderId = order.Id });
        Assert.Equal("PO-7781", first.PurchaseOrderNumber);
        await bed.Invoices.FinalizeAsync(TestBed.Tenant, first.Id);
        Assert.Equal(Usd(40m), (await bed.Orders.GetAsync(TestBed.Tenant, order.Id))!.Balance);

        var second = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(50m)) with { PurchaseOrderId = order.Id });
        var error = await Assert.ThrowsAsync<PurchaseOrderBalanceExceededException>(async () => await bed.Invoices.FinalizeAsync(TestBed.Tenant, second.Id));
        Assert.Equal(Usd(40m), error.Balance);
        Assert.Equal(InvoiceStatus.Draft, (await bed.Invoices.GetAsync(TestBed.Tenant, second.Id))!.Status);
        Assert.Equal(Usd(40m), (await bed.Orders.GetAsync(TestBed.Tenant, order.Id))!.Balance);

        var third = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(40m)) with { PurchaseOrderId = order.Id });
        Assert.Equal("INV-2026-00002", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, third.Id)).Number);
        Assert.Equal(PurchaseOrderStatus.Exhausted, (await bed.Orders.GetAsync(TestBed.Tenant, order.Id))!.Status);

        await bed.Invoices.VoidAsync(TestBed.Tenant, third.Id);
        var restored = (await bed.Orders.GetAsync(TestBed.Tenant, order.Id))!;
        Assert.Equal(PurchaseOrderStatus.Approved, restored.Status);
        Assert.Equal(Usd(40m), restored.Balance);
    }

    [Fact]
    public async Task A_rejection_requires_a_reason_which_goes_back_to_the_customer()
    {
        using var bed = new TestBed();
        var order = await bed.Orders.SubmitAsync(TestBed.Tenant, Order());

        await Assert.ThrowsAsync<PurchaseOrderValidationException>(async () => await bed.Orders.RejectAsync(TestBed.Tenant, order.Id, Reviewer, "  "));
        Assert.Equal(PurchaseOrderStatus.Submitted, (await bed.Orders.GetAsync(TestBed.Tenant, order.Id))!.Status);
        Assert.Empty(bed.Notifier.Rejected);

        var rejected = await bed.Orders.RejectAsync(TestBed.Tenant, order.Id, Reviewer, "The amount does not match the signed quote.");

        Assert.Equal(PurchaseOrderStatus.Rejected, rejected.Status);
        Assert.Equal("The amount does not match the signed quote.", Assert.Single(bed.Notifier.Rejected).RejectionReason);
        await Assert.ThrowsAsync<PurchaseOrderStateException>(async () => await bed.Orders.ApproveAsync(TestBed.Tenant, order.Id, Reviewer));
    }

    [Fact]
    public async Task Orders_past_their_validity_expire()
    {
        using var bed = new TestBed();
        var order = await bed.Orders.SubmitAsync(TestBed.Tenant, Order() with { ValidUntil = new LocalDate(2026, 1, 31) });
        await bed.Orders.ApproveAsync(TestBed.Tenant, order.Id, Reviewer);

        Assert.Empty(await bed.Orders.ExpireAsync(TestBed.Tenant));
        bed.Clock.AdvanceDays(31);
        Assert.Equal(PurchaseOrderStatus.Expired, Assert.Single(await bed.Orders.ExpireAsync(TestBed.Tenant)).Status);
    }

    [Fact]
    public void Invalid_orders_and_draws_are_refused()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        Assert.Throws<PurchaseOrderValidationException>(() => PurchaseOrder.Submit(PurchaseOrderId.New(), Order(0m), now));
        Assert.Throws<PurchaseOrderValidationException>(() => PurchaseOrder.Submit(PurchaseOrderId.New(), Order() with { ValidUntil = new LocalDate(2025, 1, 1) }, now));
        var approved = PurchaseOrder.Submit(PurchaseOrderId.New(), Order(), now).Approve(Reviewer, now);
        Assert.Throws<PurchaseOrderValidationException>(() => approved.Draw(Usd(1m), new LocalDate(2027, 1, 1)));
        Assert.Throws<CurrencyMismatchException>(() => approved.Draw(Money.FromMajor(1m, Currency.EUR), new LocalDate(2026, 6, 1)));
        Assert.Throws<PurchaseOrderBalanceExceededException>(() => approved.Draw(Usd(1000.01m), new LocalDate(2026, 6, 1)));
    }
}
