using NodaTime;

namespace BillingKit.Ledger;

/// <summary>A payment the tenant owes or made: its amount, due date, status, attempts and what was refunded or charged back.</summary>
/// <remarks>Immutable; every change produces a new record with a higher <see cref="Version"/>. The ledger posts the
/// money only when the payment becomes <see cref="PaymentStatus.Paid"/>.</remarks>
public sealed record PaymentRecord
{
    /// <summary>Gets the payment id.</summary>
    public required PaymentId Id { get; init; }

    /// <summary>Gets the customer who pays.</summary>
    public required CustomerId Customer { get; init; }

    /// <summary>Gets the amount, positive.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the date it is due.</summary>
    public required LocalDate DueDate { get; init; }

    /// <summary>Gets the status.</summary>
    public required PaymentStatus Status { get; init; }

    /// <summary>Gets the provider that collects it, or <see cref="ProviderName.Offline"/>.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets when the record was created.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets when the record last changed.</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>Gets the version, from 1, increased by every change.</summary>
    public required int Version { get; init; }

    /// <summary>Gets how it was or is to be paid, if known.</summary>
    public PaymentMethod? Method { get; init; }

    /// <summary>Gets the invoice it pays, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number it pays, if any (searchable).</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the subscription it pays for, if any.</summary>
    public SubscriptionId? Subscription { get; init; }

    /// <summary>Gets the billing group of the customer, if any.</summary>
    public BillingGroupId? BillingGroup { get; init; }

    /// <summary>Gets the payer's reference: check number, transfer id, purchase order... (searchable).</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the provider's reference of the successful charge, if any (searchable).</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets the date the money was received, once paid.</summary>
    public LocalDate? PaymentDate { get; init; }

    /// <summary>Gets the ledger transaction that recorded the money, once paid.</summary>
    public LedgerTransactionId? PaymentTransaction { get; init; }

    /// <summary>Gets the total refunded so far.</summary>
    public required Money Refunded { get; init; }

    /// <summary>Gets the total charged back so far.</summary>
    public required Money ChargedBack { get; init; }

    /// <summary>Gets why it was cancelled, once cancelled.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>Gets every collection attempt, oldest first.</summary>
    public IReadOnlyList<PaymentAttempt> Attempts { get; init; } = [];

    /// <summary>Gets what may still be refunded or charged back: the amount less refunds and charge-backs when paid, zero otherwise.</summary>
    public Money Refundable => Status == PaymentStatus.Paid ? Amount - Refunded - ChargedBack : Money.Zero(Amount.Currency);
}
