namespace BillingKit.Invoicing;

/// <summary>
/// Tells customers about review decisions on their purchase orders. The host implements it (email, in-app message,
/// ticket) and registers it before <c>AddInvoicing</c>; the default only logs.
/// </summary>
/// <remarks>Called after the decision is committed, so a notice is never sent for a change that was rolled back. A
/// notifier that throws does not undo the decision; the exception reaches the caller, who may resend.</remarks>
public interface IInvoicingNotifier
{
    /// <summary>Tells the customer that a purchase order was rejected, and why.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="order">The rejected order; <see cref="PurchaseOrder.RejectionReason"/> says why.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when the notice is handed over.</returns>
    ValueTask PurchaseOrderRejectedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default);

    /// <summary>Tells the customer that a purchase order was approved and billing against it is active.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="order">The approved order.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when the notice is handed over.</returns>
    ValueTask PurchaseOrderApprovedAsync(TenantId tenant, PurchaseOrder order, CancellationToken cancellationToken = default);
}
