namespace BillingKit.Invoicing;

/// <summary>Thrown when an invoice is asked to do something its status does not allow, such as editing a finalized
/// invoice or paying a void one. Nothing is changed.</summary>
public sealed class InvoiceStateException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="status">The invoice's current status.</param>
    /// <param name="action">What was attempted, such as "add a line" or "record a payment".</param>
    /// <param name="expected">What the action requires, such as "only drafts can be edited".</param>
    public InvoiceStateException(InvoiceId invoiceId, InvoiceStatus status, string action, string expected)
        : base($"Cannot {action} on invoice {invoiceId} because it is {status}; {expected}.")
    {
        InvoiceId = invoiceId;
        Status = status;
        Action = action;
    }

    /// <summary>Gets the invoice.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>Gets the status the invoice was in.</summary>
    public InvoiceStatus Status { get; }

    /// <summary>Gets what was attempted.</summary>
    public string Action { get; }
}
