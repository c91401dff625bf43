namespace BillingKit.Invoicing;

/// <summary>Thrown when an invoice would draw more from a purchase order than its balance. Nothing is changed.</summary>
public sealed class PurchaseOrderBalanceExceededException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="purchaseOrderId">The order.</param>
    /// <param name="balance">What remained on it.</param>
    /// <param name="requested">What the invoice asked for.</param>
    public PurchaseOrderBalanceExceededException(PurchaseOrderId purchaseOrderId, Money balance, Money requested)
        : base($"Purchase order {purchaseOrderId} has {balance} left but the invoice needs {requested}; reduce the invoice or ask the customer for a new or amended order.")
    {
        PurchaseOrderId = purchaseOrderId;
        Balance = balance;
        Requested = requested;
    }

    /// <summary>Gets the order.</summary>
    public PurchaseOrderId PurchaseOrderId { get; }

    /// <summary>Gets what remained on the order.</summary>
    public Money Balance { get; }

    /// <summary>Gets what the invoice asked for.</summary>
    public Money Requested { get; }
}
