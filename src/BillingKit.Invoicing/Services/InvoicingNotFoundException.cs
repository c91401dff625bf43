namespace BillingKit.Invoicing;

/// <summary>Thrown when an operation names an invoice, subscription, billing group or purchase order that the tenant does not have.</summary>
public sealed class InvoicingNotFoundException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="kind">What was looked for: "invoice", "subscription", "billing group" or "purchase order".</param>
    /// <param name="id">The id asked for.</param>
    public InvoicingNotFoundException(TenantId tenant, string kind, string id)
        : base($"Tenant {tenant} has no {kind} {id}; check the id, or create it first.")
    {
        Tenant = tenant;
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets what was looked for.</summary>
    public string Kind { get; }

    /// <summary>Gets the id asked for.</summary>
    public string Id { get; }
}
