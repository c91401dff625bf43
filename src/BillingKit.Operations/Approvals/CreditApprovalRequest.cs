using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// A credit above its requester's authority, waiting for (or decided by) someone with more authority.
/// </summary>
/// <remarks>Immutable. Created by the desk when a credit exceeds the actor's authority; a store rehydrates it from
/// its columns with the object initializer.</remarks>
public sealed record CreditApprovalRequest
{
    /// <summary>Gets the request's id, such as <c>apr_...</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tenant to credit.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets the credit asked for.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the kind of credit (the ledger's credit kind, such as <c>goodwill</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the requester's reason.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who asked.</summary>
    public required Actor RequestedBy { get; init; }

    /// <summary>Gets when they asked.</summary>
    public required Instant RequestedAt { get; init; }

    /// <summary>Gets where the request stands.</summary>
    public CreditApprovalStatus Status { get; init; } = CreditApprovalStatus.Pending;

    /// <summary>Gets what the credit concerns (an invoice or payment id), if anything.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the correlation id of the desk action that asked.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets who approved or rejected it.</summary>
    public Actor? DecidedBy { get; init; }

    /// <summary>Gets when it was approved or rejected.</summary>
    public Instant? DecidedAt { get; init; }

    /// <summary>Gets the approver's reason for the decision.</summary>
    public string? DecisionReason { get; init; }

    /// <summary>Gets the idempotency key under which the approved credit is applied, derived from <see cref="Id"/> so
    /// that a retried approval never credits twice.</summary>
    public IdempotencyKey CreditKey => IdempotencyKey.Derive("credit-approval", Id);

    internal CreditApprovalRequest Decide(CreditApprovalStatus status, Actor approver, string reason, Instant at) =>
        this with { Status = status, DecidedBy = approver, DecidedAt = at, DecisionReason = reason };
}
