namespace BillingKit.Invoicing.Pdf;

/// <summary>The PDF's information dictionary and identifier, all derived from the invoice so output is repeatable.
/// Dates are PDF date strings in UTC.</summary>
internal sealed record DocumentMetadata(string Title, string Subject, string Author, string CreationDate, string ModificationDate, Guid DocumentId);
