namespace BillingKit;

/// <summary>The role in which someone, or something, acts on a tenant's billing.</summary>
public enum BillingRole
{
    /// <summary>Support staff: may read billing and add notes, but not move money.</summary>
    Support = 0,

    /// <summary>Finance staff: may record payments, refunds and cancelled payments, and create invoices.</summary>
    Finance = 1,

    /// <summary>Billing administrators: run billing operations (dunning, entitlements, credits, purchase orders).</summary>
    BillingAdmin = 2,

    /// <summary>Super administrators: everything, with the highest authority.</summary>
    SuperAdmin = 3,

    /// <summary>BillingKit itself or the host acting automatically: schedulers, provider webhooks, retries.</summary>
    System = 4,

    /// <summary>A user of the tenant acting on its own account (submitting a purchase order, paying an invoice).</summary>
    Customer = 5,
}
