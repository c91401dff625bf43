namespace BillingKit.Invoicing;

/// <summary>Thrown for an invalid purchase order or review: no number, no amount, a validity that ends before it
/// starts, a rejection without a reason, or an invoice dated outside the validity. Nothing is changed.</summary>
public sealed class PurchaseOrderValidationException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="purchaseOrderId">The order.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public PurchaseOrderValidationException(PurchaseOrderId purchaseOrderId, string message)
        : base(message) => PurchaseOrderId = purchaseOrderId;

    /// <summary>Gets the order.</summary>
    public PurchaseOrderId PurchaseOrderId { get; }
}
