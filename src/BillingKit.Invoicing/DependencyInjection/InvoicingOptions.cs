namespace BillingKit.Invoicing;

/// <summary>Settings of the invoicing context. Validated when the host starts.</summary>
public sealed class InvoicingOptions
{
    /// <summary>Gets or sets the invoice number format: literal text plus <c>{yyyy}</c>, <c>{yy}</c>, <c>{MM}</c> (from the
    /// invoice date) and exactly one <c>{seq}</c> or <c>{seq:00000}</c> (the sequence, zero-padded). The series is the format
    /// with its date tokens filled in, so "INV-{yyyy}-{seq:00000}" numbers each year from INV-2026-00001.</summary>
    /// <value>"INV-{yyyy}-{seq:00000}" by default.</value>
    public string NumberFormat { get; set; } = "INV-{yyyy}-{seq:00000}";

    /// <summary>Gets or sets the credit note number format, with the same tokens as <see cref="NumberFormat"/>.</summary>
    /// <value>"CN-{yyyy}-{seq:00000}" by default.</value>
    public string CreditNoteNumberFormat { get; set; } = "CN-{yyyy}-{seq:00000}";

    /// <summary>Gets or sets the IANA time zone (such as "Europe/London") in which "today" is taken for invoice dates,
    /// purchase-order validity and cancellations.</summary>
    /// <value>"UTC" by default.</value>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Gets or sets the payment instructions put on manual invoices created without their own (bank, account,
    /// reference to quote).</summary>
    /// <value><see langword="null"/> by default: each manual invoice must then carry its own instructions.</value>
    public string? ManualPaymentInstructions { get; set; }

    /// <summary>Gets or sets how many periods ahead the schedule of a rolling subscription (one without a contract length) is laid out, 1 to 120.</summary>
    /// <value>12 by default.</value>
    public int RollingSchedulePeriods { get; set; } = 12;
}
