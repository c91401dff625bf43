using NodaTime;

namespace BillingKit.Ledger;

/// <summary>Asks to record an expected payment, <see cref="PaymentStatus.Pending"/>. Nothing is posted until it is paid.</summary>
public sealed record RecordPaymentRequest : LedgerRequest
{
    /// <summary>Gets the payment id; unique per tenant.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the customer who pays.</summary>
    public required CustomerId Customer { get; init; }

    /// <summary>Gets the amount; positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets when it is due.</summary>
    public required LocalDate DueDate { get; init; }

    /// <summary>Gets the provider that collects it, or <see cref="ProviderName.Offline"/>.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets how it is to be paid, if known.</summary>
    public PaymentMethod? Method { get; init; }

    /// <summary>Gets the invoice it pays, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number, if any.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the subscription, if any.</summary>
    public SubscriptionId? Subscription { get; init; }

    /// <summary>Gets the customer's billing group, if any.</summary>
    public BillingGroupId? BillingGroup { get; init; }

    /// <summary>Gets the payer's reference, if known.</summary>
    public string? Reference { get; init; }

    internal override string Fingerprint() =>
        Ledger.Fingerprint.Of($"record-payment|{Payment}|{Customer}|{Amount}|{DueDate}|{Provider}|{Method}|{Invoice}|{InvoiceNumber}|{Subscription}|{BillingGroup}|{Reference}");
}
