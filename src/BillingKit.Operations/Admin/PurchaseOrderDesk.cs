using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>
/// Purchase-order review at the desk: the queue of submitted orders, approval, and rejection with a reason that goes
/// back to the tenant. Approving and rejecting are desk actions demanding
/// <see cref="DeskPermission.ReviewPurchaseOrders"/>; the decision and one audit record commit in one unit of work,
/// and the tenant is told through Invoicing's <see cref="IInvoicingNotifier"/> after the commit.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class PurchaseOrderDesk
{
    private static readonly DeskAction Approve = new("purchase-order.approve", DeskPermission.ReviewPurchaseOrders);
    private static readonly DeskAction Reject = new("purchase-order.reject", DeskPermission.ReviewPurchaseOrders);

    private readonly DeskActionRunner _runner;
    private readonly PurchaseOrderService _orders;
    private readonly IInvoicingNotifier _notifier;
    private readonly ITenantAccountStore _accounts;

    internal PurchaseOrderDesk(DeskActionRunner runner, PurchaseOrderService orders, IInvoicingNotifier notifier, ITenantAccountStore accounts)
    {
        _runner = runner;
        _orders = orders;
        _notifier = notifier;
        _accounts = accounts;
    }

    /// <summary>Lists submitted purchase orders waiting for review, oldest submission first.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>.</param>
    /// <param name="tenant">One tenant, or <see langword="null"/> for every tenant in the directory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The queue: each order with its tenant.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<IReadOnlyList<PurchaseOrderReviewItem>> GetReviewQueueAsync(Actor actor, TenantId? tenant, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        IReadOnlyList<TenantId> tenants = tenant is { } one
            ? [one]
            : [.. (await _accounts.ListAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.Tenant)];
        var queue = new List<PurchaseOrderReviewItem>();
        foreach (var id in tenants)
        {
            var name = (await _accounts.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Name ?? id.Value;
            foreach (var order in await _orders.GetReviewQueueAsync(id, cancellationToken).ConfigureAwait(false))
            {
                queue.Add(new PurchaseOrderReviewItem(id, name, order));
            }
        }

        return [.. queue.OrderBy(i => i.Order.SubmittedAt).ThenBy(i => i.Tenant.Value, StringComparer.Ordinal)];
    }

    /// <summary>Approves a submitted purchase order, so invoices may draw on it. Writes one audit record
    /// <c>purchase-order.approve</c> whose target is the order id and whose amount is the order's; then tells the
    /// tenant through <see cref="IInvoicingNotifier.PurchaseOrderApprovedAsync"/>.</summary>
    /// <param name="request">Who approves it, for which tenant, and why; needs
    /// <see cref="DeskPermission.ReviewPurchaseOrders"/>.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The approved order.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not review purchase orders.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such order.</exception>
    /// <exception cref="PurchaseOrderStateException">The order is not waiting for review.</exception>
    /// <remarks>The approval is committed before the notifier runs; a notifier failure propagates after the commit.</remarks>
    [DeskAction("purchase-order.approve", DeskPermission.ReviewPurchaseOrders)]
    public async Task<PurchaseOrder> ApproveAsync(DeskRequest request, PurchaseOrderId order, CancellationToken cancellationToken = default)
    {
        var approved = await _runner.RunAsync(
            Approve,
            request,
            async (scope, ct) =>
            {
                var result = await _orders.ApproveAsync(scope.Unit, order, scope.Request.Actor, ct).ConfigureAwait(false);
                scope.Target = order.Value;
                scope.Amount = result.Amount;
                scope.Details["number"] = result.Number;
                return result;
            },
            cancellationToken).ConfigureAwait(false);
        await _notifier.PurchaseOrderApprovedAsync(request.Tenant, approved, cancellationToken).ConfigureAwait(false);
        return approved;
    }

    /// <summary>Rejects a submitted purchase order. The request's reason is the rejection reason: it is stored on the
    /// order, written to the audit record <c>purchase-order.reject</c>, and sent to the tenant through
    /// <see cref="IInvoicingNotifier.PurchaseOrderRejectedAsync"/> after the commit, so they can correct and resubmit.</summary>
    /// <param name="request">Who rejects it, for which tenant, and why (in words for the customer); needs
    /// <see cref="DeskPermission.ReviewPurchaseOrders"/>.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rejected order.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not review purchase orders.</exception>
    /// <exception cref="InvoicingNotFoundException">The tenant has no such order.</exception>
    /// <exception cref="PurchaseOrderStateException">The order is not waiting for review.</exception>
    /// <remarks>The rejection is committed before the notifier runs; a notifier failure propagates after the commit.</remarks>
    [DeskAction("purchase-order.reject", DeskPermission.ReviewPurchaseOrders)]
    public async Task<PurchaseOrder> RejectAsync(DeskRequest request, PurchaseOrderId order, CancellationToken cancellationToken = default)
    {
        var rejected = await _runner.RunAsync(
            Reject,
            request,
            async (scope, ct) =>
            {
                var result = await _orders.RejectAsync(scope.Unit, order, scope.Request.Actor, scope.Request.Reason, ct).ConfigureAwait(false);
                scope.Target = order.Value;
                scope.Amount = result.Amount;
                scope.Details["number"] = result.Number;
                return result;
            },
            cancellationToken).ConfigureAwait(false);
        await _notifier.PurchaseOrderRejectedAsync(request.Tenant, rejected, cancellationToken).ConfigureAwait(false);
        return rejected;
    }
}
