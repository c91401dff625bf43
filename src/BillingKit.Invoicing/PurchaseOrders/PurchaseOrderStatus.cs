namespace BillingKit.Invoicing;

/// <summary>Where a purchase order is in review and use.</summary>
/// <remarks>Submitted → Approved or Rejected; Approved → Exhausted (balance drawn to zero) or Expired (past its
/// validity). Rejected, Exhausted and Expired are final; an Exhausted order returns to Approved if an invoice drawn on
/// it is voided.</remarks>
public enum PurchaseOrderStatus
{
    /// <summary>Waiting in the review queue.</summary>
    Submitted = 0,

    /// <summary>Approved: invoices may draw on its balance.</summary>
    Approved = 1,

    /// <summary>Rejected, with a reason sent back to the customer.</summary>
    Rejected = 2,

    /// <summary>Its whole amount has been invoiced.</summary>
    Exhausted = 3,

    /// <summary>Its validity ended before it was used up.</summary>
    Expired = 4,
}
