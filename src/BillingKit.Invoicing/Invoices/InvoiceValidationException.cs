namespace BillingKit.Invoicing;

/// <summary>Thrown when a change to an invoice breaks one of its rules (an empty invoice finalized, a payment above
/// the amount remaining, a credit note above what can be credited). Nothing is changed.</summary>
public sealed class InvoiceValidationException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="message">What was wrong and what was expected.</param>
    public InvoiceValidationException(InvoiceId invoiceId, string message)
        : base(message) => InvoiceId = invoiceId;

    /// <summary>Gets the invoice.</summary>
    public InvoiceId InvoiceId { get; }
}
