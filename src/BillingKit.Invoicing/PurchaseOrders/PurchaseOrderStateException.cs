namespace BillingKit.Invoicing;

/// <summary>Thrown when a purchase order is asked to do something its status does not allow (approving a rejected
/// order, invoicing against an expired one). Nothing is changed.</summary>
public sealed class PurchaseOrderStateException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="purchaseOrderId">The order.</param>
    /// <param name="status">Its current status.</param>
    /// <param name="action">What was attempted.</param>
    /// <param name="expected">What the action requires.</param>
    public PurchaseOrderStateException(PurchaseOrderId purchaseOrderId, PurchaseOrderStatus status, string action, string expected)
        : base($"Cannot {action} purchase order {purchaseOrderId} because it is {status}; {expected}.")
    {
        PurchaseOrderId = purchaseOrderId;
        Status = status;
    }

    /// <summary>Gets the order.</summary>
    public PurchaseOrderId PurchaseOrderId { get; }

    /// <summary>Gets the status it was in.</summary>
    public PurchaseOrderStatus Status { get; }
}
