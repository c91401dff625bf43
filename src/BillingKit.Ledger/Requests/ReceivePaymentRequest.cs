using NodaTime;

namespace BillingKit.Ledger;

/// <summary>
/// Asks to record money that arrived without an expected payment (a bank transfer from a business, say): the
/// payment is created as paid and applied to open charges, oldest due first unless told otherwise; any excess
/// becomes credit balance.
/// </summary>
public sealed record ReceivePaymentRequest : LedgerRequest
{
    /// <summary>Gets the id of the new payment; unique per tenant.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the customer who paid.</summary>
    public required CustomerId Customer { get; init; }

    /// <summary>Gets the amount received; positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the provider, or <see cref="ProviderName.Offline"/>.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets how it was paid.</summary>
    public required PaymentMethod Method { get; init; }

    /// <summary>Gets the date the money was received (also recorded as the due date).</summary>
    public required LocalDate PaymentDate { get; init; }

    /// <summary>Gets the payer's reference, such as a check number or transfer id.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the provider's reference, if any.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets open charges to settle first, in this order; null or empty: oldest due first.</summary>
    public IReadOnlyList<LedgerTransactionId>? ApplyFirst { get; init; }

    /// <summary>Gets the invoice it pays, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number, if any.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the subscription, if any.</summary>
    public SubscriptionId? Subscription { get; init; }

    /// <summary>Gets the customer's billing group, if any.</summary>
    public BillingGroupId? BillingGroup { get; init; }

    internal override string Fingerprint() =>
        Ledger.Fingerprint.Of($"receive-payment|{Payment}|{Customer}|{Amount}|{Provider}|{Method}|{PaymentDate}|{Reference}|{ProviderReference}|{ApplyFirst}|{Invoice}|{InvoiceNumber}|{Subscription}|{BillingGroup}");
}
