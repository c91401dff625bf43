namespace BillingKit.Operations;

/// <summary>What an actor may do at the billing desk. Each desk action demands one permission; roles grant them
/// (see <see cref="DeskAuthorizer"/>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A desk permission is the domain term; it is not a System.Security permission type.")]
public enum DeskPermission
{
    /// <summary>Read a tenant's billing: plan, status, invoices, payments, balance, dunning view.</summary>
    ViewBilling = 0,

    /// <summary>Add a note to a tenant's billing record.</summary>
    AddNote = 1,

    /// <summary>Record a payment received (mark an invoice paid).</summary>
    RecordPayment = 2,

    /// <summary>Refund a payment, fully or partially, through its provider.</summary>
    IssueRefund = 3,

    /// <summary>Cancel (void) a payment that has not settled.</summary>
    CancelPayment = 4,

    /// <summary>Add credit to a tenant's credit balance, within the actor's credit authority.</summary>
    IssueCredit = 5,

    /// <summary>Create a manual invoice.</summary>
    CreateInvoice = 6,

    /// <summary>Override a dunning state or grant a grace period.</summary>
    ManageDunning = 7,

    /// <summary>Override entitlements (quotas, features) or grant grace allowances.</summary>
    ManageEntitlements = 8,

    /// <summary>Approve or reject purchase orders.</summary>
    ReviewPurchaseOrders = 9,

    /// <summary>Cancel subscriptions, change plans, grant comps and move trial ends.</summary>
    ManageSubscriptions = 10,

    /// <summary>Respond to disputes (charge-backs): accept them or submit evidence.</summary>
    HandleDisputes = 11,

    /// <summary>Approve or reject credits that exceed the requester's credit authority.</summary>
    ApproveCredits = 12,

    /// <summary>Read the billing monitoring and payment reports.</summary>
    ViewReports = 13,

    /// <summary>Issue, re-issue and revoke pay links.</summary>
    ManagePayLinks = 14,

    /// <summary>Handle provider events (webhooks) and reconcile provider state.</summary>
    HandleProviderEvents = 15,

    /// <summary>Read the audit log.</summary>
    ViewAuditLog = 16,
}
