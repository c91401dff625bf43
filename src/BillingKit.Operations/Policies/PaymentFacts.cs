using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// What the desk's policies need to know about one payment, independent of the ledger and the provider: the desk
/// maps ledger payment records onto it.
/// </summary>
public sealed record PaymentFacts
{
    /// <summary>Gets our id of the payment.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the tenant that paid.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets the customer that paid, when the tenant has several; <see langword="null"/> means the tenant itself.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the provider that took the money.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's charge id, when there is one.</summary>
    public string? ProviderChargeId { get; init; }

    /// <summary>Gets the amount paid.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets how much of it was already refunded; <see langword="null"/> for none.</summary>
    public Money? Refunded { get; init; }

    /// <summary>Gets when the payment succeeded (or was attempted, when it did not).</summary>
    public required Instant PaidAt { get; init; }

    /// <summary>Gets whether the money was received; failed and pending payments are never refunded or duplicates.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Succeeded { get; init; } = true;

    /// <summary>Gets whether the payment was an automatic subscription renewal.</summary>
    public bool IsRenewal { get; init; }

    /// <summary>Gets what can still be refunded: the amount less refunds, never below zero.</summary>
    /// <exception cref="CurrencyMismatchException"><see cref="Refunded"/> is in another currency.</exception>
    public Money Refundable => Money.Max(Amount - (Refunded ?? Money.Zero(Amount.Currency)), Money.Zero(Amount.Currency));
}
