using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>A purchase order waiting for review, with its tenant.</summary>
/// <param name="Tenant">The tenant that submitted it.</param>
/// <param name="TenantName">The tenant's name from the directory, or its id when it is not registered.</param>
/// <param name="Order">The order (number, amount, validity, submission time).</param>
public sealed record PurchaseOrderReviewItem(TenantId Tenant, string TenantName, PurchaseOrder Order);
