using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// A refund the desk sent (or a provider reported), kept for reconciliation: the tenant, the payment, the amount, the
/// idempotency key used at the provider, and where it stands. Immutable; a change is a new version saved over it.
/// </summary>
public sealed record DeskRefund
{
    /// <summary>Gets our refund id (<c>ref_{payment}_{n}</c>, or <c>ref_{provider refund id}</c> for a refund
    /// reported by the provider), unique per tenant.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tenant whose money it is.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets our payment that is refunded.</summary>
    public required PaymentId Payment { get; init; }

    /// <summary>Gets the provider that holds the money.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id of the refunded charge (for offline payments, our payment id).</summary>
    public required string ProviderPaymentId { get; init; }

    /// <summary>Gets the amount refunded (or asked for).</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets where the refund stands.</summary>
    public required DeskRefundStatus Status { get; init; }

    /// <summary>Gets the idempotency key sent to the provider (derived from <see cref="Id"/>), reused on a retry.</summary>
    public required IdempotencyKey IdempotencyKey { get; init; }

    /// <summary>Gets why the money was given back.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the id of the actor who asked for it (<c>billingkit</c> for a refund reported by a provider).</summary>
    public required string RequestedBy { get; init; }

    /// <summary>Gets when it was asked for.</summary>
    public required Instant RequestedAt { get; init; }

    /// <summary>Gets when it last changed.</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>Gets the provider's refund id, once known.</summary>
    public string? ProviderRefundId { get; init; }

    /// <summary>Gets the occurrence time of the newest provider event applied to it, so an older event never moves it back.</summary>
    public Instant? LastEventAt { get; init; }

    /// <summary>Gets why it failed or why its outcome is unknown.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets the refund policy rule that judged it (for example <c>refund.technical-error</c>).</summary>
    public string? PolicyRule { get; init; }
}
