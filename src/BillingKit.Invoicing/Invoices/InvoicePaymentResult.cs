namespace BillingKit.Invoicing;

/// <summary>The outcome of recording a payment against an invoice.</summary>
/// <param name="Invoice">The invoice after the payment.</param>
/// <param name="Payment">The payment and its allocation over the lines.</param>
/// <param name="AlreadyRecorded"><see langword="true"/> when the payment id had been recorded before, so nothing was written this time.</param>
public sealed record InvoicePaymentResult(Invoice Invoice, InvoicePayment Payment, bool AlreadyRecorded);
