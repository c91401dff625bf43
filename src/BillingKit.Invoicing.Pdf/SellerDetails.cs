namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Who issues the invoice: the business printed in the header of every rendered invoice. The buyer comes from the
/// invoice itself (<see cref="Invoice.Customer"/>).
/// </summary>
/// <param name="Name">The seller's legal name; not empty.</param>
public sealed record SellerDetails(string Name)
{
    /// <summary>Gets the seller's postal address, or <see langword="null"/> to print none.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Gets the billing contact e-mail address, or <see langword="null"/>.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the billing contact telephone number, or <see langword="null"/>.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the seller's tax or VAT registration number, or <see langword="null"/>.</summary>
    public string? TaxId { get; init; }

    /// <summary>
    /// Gets how to pay (bank account, wire reference), printed when the invoice carries no payment instructions of its
    /// own (<see cref="Invoice.PaymentInstructions"/> wins when set). <see langword="null"/> prints none.
    /// </summary>
    public string? PaymentInstructions { get; init; }
}
