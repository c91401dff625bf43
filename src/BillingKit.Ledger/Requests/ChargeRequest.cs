using NodaTime;

namespace BillingKit.Ledger;

/// <summary>Asks to charge the tenant for an invoice or a one-off item.</summary>
public sealed record ChargeRequest : LedgerRequest
{
    /// <summary>Gets the amount; positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets when it is due.</summary>
    public required LocalDate DueDate { get; init; }

    /// <summary>Gets what the charge is for.</summary>
    /// <value>Default <see cref="ChargeKind.Invoice"/>.</value>
    public ChargeKind Kind { get; init; } = ChargeKind.Invoice;

    /// <summary>Gets the customer charged, if known.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the invoice, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number, if any.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the subscription, if any.</summary>
    public SubscriptionId? Subscription { get; init; }

    /// <summary>Gets a description, such as the line of a one-off charge.</summary>
    public string? Description { get; init; }

    internal override string Fingerprint() =>
        Ledger.Fingerprint.Of($"charge|{Amount}|{DueDate}|{Kind}|{Customer}|{Invoice}|{InvoiceNumber}|{Subscription}|{Description}");
}
