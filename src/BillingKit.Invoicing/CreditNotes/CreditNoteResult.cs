namespace BillingKit.Invoicing;

/// <summary>The outcome of issuing a credit note.</summary>
/// <param name="Invoice">The invoice after the credit.</param>
/// <param name="CreditNote">The numbered credit note. Post its refund and balance credit to the ledger in the same unit.</param>
/// <param name="AlreadyIssued"><see langword="true"/> when the credit note id had been issued before, so nothing was written this time.</param>
public sealed record CreditNoteResult(Invoice Invoice, CreditNote CreditNote, bool AlreadyIssued);
