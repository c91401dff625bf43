namespace BillingKit.Invoicing;

/// <summary>Who an invoice is addressed to (or from): a name and a billing address.</summary>
/// <param name="Name">The legal or display name printed on the invoice; not empty.</param>
/// <param name="Address">The billing address, or <see langword="null"/> when none is on file.</param>
/// <param name="Email">The billing email address, if any.</param>
/// <param name="TaxId">A tax registration number (VAT, GST, TIN), if any.</param>
public sealed record InvoiceParty(string Name, PostalAddress? Address = null, string? Email = null, string? TaxId = null);
