using BillingKit.Invoicing;

namespace BillingKit.Operations.Tests.Admin;

public class PurchaseOrderDeskTests
{
    private static readonly TenantId Acme = TenantId.From("ten_acme");
    private static readonly TenantId Ministry = TenantId.From("ten_ministry");

    [Fact]
    public async Task The_review_queue_lists_submitted_orders_of_every_tenant_oldest_first()
    {
        await using var desk = BillingKitDesk.Create();
        await desk.RegisterAsync(Acme, "Acme Corp", "billing@acme.example");
        await desk.RegisterAsync(Ministry, "Ministry of Works", "accounts@works.gov.example");
        await desk.SubmitPurchaseOrderAsync(Ministry, "MW-2026-001");
        desk.Clock.AdvanceHours(2);
        await desk.SubmitPurchaseOrderAsync(Acme, "ACME-77");

        var all = await desk.Get<PurchaseOrderDesk>().GetReviewQueueAsync(DeskFixture.Support, null);
        var acme = await desk.Get<PurchaseOrderDesk>().GetReviewQueueAsync(DeskFixture.Support, Acme);

        Assert.Equal([("Ministry of Works", "MW-2026-001"), ("Acme Corp", "ACME-77")], all.Select(i => (i.TenantName, i.Order.Number)));
        Assert.Equal(["ACME-77"], acme.Select(i => i.Order.Number), StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_admin_approves_an_order_and_the_tenant_is_told_after_the_commit()
    {
        await using var desk = BillingKitDesk.Create();
        var order = await desk.SubmitPurchaseOrderAsync(Ministry, "MW-2026-001");

        var approved = await desk.Get<PurchaseOrderDesk>().ApproveAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Ministry, "Matches the signed quote"), order.Id);

        Assert.Equal(PurchaseOrderStatus.Approved, approved.Status);
        Assert.Equal(DeskFixture.BillingAdmin, approved.ReviewedBy);
        Assert.Equal(("approved", Ministry, PurchaseOrderStatus.Approved), Assert.Single(desk.Notifier.Sent) is var (kind, tenant, sent) ? (kind, tenant, sent.Status) : default);
        var record = Assert.Single(await desk.AuditRecordsAsync(Ministry));
        Assert.Equal(("purchase-order.approve", order.Id.Value, Money.FromMajor(12_000m, Currency.USD), "MW-2026-001"), (record.Action, record.Target, record.Amount, record.Details["number"]));
        Assert.Empty(await desk.Get<PurchaseOrderDesk>().GetReviewQueueAsync(DeskFixture.Support, Ministry));
    }

    [Fact]
    public async Task A_rejection_sends_the_reason_back_to_the_tenant()
    {
        await using var desk = BillingKitDesk.Create();
        var order = await desk.SubmitPurchaseOrderAsync(Ministry, "MW-2026-001");
        PurchaseOrderStatus? committedWhenSent = null;
        int? auditedWhenSent = null;
        desk.Notifier.OnSend = async (tenant, sent) =>
        {
            committedWhenSent = (await desk.Get<PurchaseOrderService>().GetAsync(tenant, sent.Id))!.Status;
            auditedWhenSent = (await desk.AuditRecordsAsync(tenant)).Count;
        };

        var rejected = await desk.Get<PurchaseOrderDesk>().RejectAsync(
            BillingKitDesk.Request(DeskFixture.SuperAdmin, Ministry, "The PO amount does not match the quote (USD 12,500); please resubmit"), order.Id);

        Assert.Equal(PurchaseOrderStatus.Rejected, rejected.Status);
        Assert.Equal((PurchaseOrderStatus.Rejected, 1), (committedWhenSent, auditedWhenSent));
        var (kind, tenant, sent) = Assert.Single(desk.Notifier.Sent);
        Assert.Equal(("rejected", Ministry, "The PO amount does not match the quote (USD 12,500); please resubmit"), (kind, tenant, sent.RejectionReason));
        var record = Assert.Single(await desk.AuditRecordsAsync(Ministry));
        Assert.Equal(("purchase-order.reject", sent.RejectionReason), (record.Action, record.Reason));
    }

    [Theory]
    [InlineData(BillingRole.Finance)]
    [InlineData(BillingRole.Support)]
    [InlineData(BillingRole.System)]
    public async Task Only_admins_review_purchase_orders_and_a_denied_review_tells_nobody(BillingRole role)
    {
        await using var desk = BillingKitDesk.Create();
        var order = await desk.SubmitPurchaseOrderAsync(Ministry, "MW-2026-001");
        var request = BillingKitDesk.Request(new Actor("someone", role, "Someone"), Ministry, "Looks fine");

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<PurchaseOrderDesk>().ApproveAsync(request, order.Id));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<PurchaseOrderDesk>().RejectAsync(request, order.Id));

        Assert.Equal(DeskPermission.ReviewPurchaseOrders, denied.Permission);
        Assert.Equal(PurchaseOrderStatus.Submitted, (await desk.Get<PurchaseOrderService>().GetAsync(Ministry, order.Id))!.Status);
        Assert.Empty(desk.Notifier.Sent);
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task Deciding_an_order_twice_is_refused_and_writes_nothing_more()
    {
        await using var desk = BillingKitDesk.Create();
        var order = await desk.SubmitPurchaseOrderAsync(Ministry, "MW-2026-001");
        var orders = desk.Get<PurchaseOrderDesk>();
        await orders.ApproveAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Ministry, "Matches the quote"), order.Id);

        await Assert.ThrowsAsync<PurchaseOrderStateException>(() => orders.RejectAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Ministry, "Changed my mind"), order.Id));
        await Assert.ThrowsAsync<InvoicingNotFoundException>(() => orders.ApproveAsync(BillingKitDesk.Request(DeskFixture.BillingAdmin, Ministry, "Typo"), PurchaseOrderId.From("po_missing")));

        Assert.Single(await desk.AuditRecordsAsync(Ministry));
        Assert.Single(desk.Notifier.Sent);
    }
}
