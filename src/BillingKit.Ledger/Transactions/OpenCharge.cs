using NodaTime;

namespace BillingKit.Ledger;

/// <summary>A charge (or a reopened amount) that is not fully paid yet: one line of the tenant's receivable.</summary>
/// <remarks>The sum of the outstanding amounts of a tenant's open charges in one currency equals its amount due.</remarks>
public sealed record OpenCharge
{
    /// <summary>Gets the transaction that created the amount (a charge, an increasing adjustment or a payment cancellation).</summary>
    public required LedgerTransactionId Charge { get; init; }

    /// <summary>Gets the date the amount is due; cash is applied to the oldest due first.</summary>
    public required LocalDate DueDate { get; init; }

    /// <summary>Gets the amount that became receivable when the charge was posted.</summary>
    public required Money Original { get; init; }

    /// <summary>Gets what is still owed; zero once settled.</summary>
    public required Money Outstanding { get; init; }

    /// <summary>Gets when the charge was posted; breaks ties between equal due dates.</summary>
    public required Instant PostedAt { get; init; }

    /// <summary>Gets the customer charged, if known.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the invoice charged, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number, if any.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency => Outstanding.Currency;
}
