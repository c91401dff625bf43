using System.Collections.Frozen;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// One entry of the audit log: who did what to which tenant, when, for how much, why, and how it ended.
/// </summary>
/// <remarks>
/// <para>Written by every desk action and every handled provider event, in the same unit of work as the change it
/// records, so that there is never a change without its record or a record without its change.</para>
/// <para><see cref="Details"/> holds small facts for readers (the rule that decided, a provider's refund id). It
/// never holds secrets or card data: keys that name secrets (password, secret, token, api key, card, cvc, pan,
/// iban) and values that look like card numbers are rejected with <see cref="SensitiveAuditDataException"/>.</para>
/// </remarks>
public sealed record AuditRecord
{
    /// <summary>The longest action name accepted, in characters.</summary>
    public const int MaxActionLength = 64;

    /// <summary>Creates a record.</summary>
    /// <param name="id">A unique id, such as <c>aud_...</c>.</param>
    /// <param name="at">When the action happened.</param>
    /// <param name="tenant">The tenant whose billing it concerns.</param>
    /// <param name="actorId">Who did it.</param>
    /// <param name="actorRole">In which role.</param>
    /// <param name="action">What, as a dotted name such as <c>refund.issue</c>.</param>
    /// <param name="reason">Why, as the actor said.</param>
    /// <param name="outcome">How it ended.</param>
    /// <exception cref="ArgumentException">An id, the actor id, the action or the reason is empty, the tenant is
    /// <c>default</c>, or the action is longer than <see cref="MaxActionLength"/>.</exception>
    public AuditRecord(string id, Instant at, TenantId tenant, string actorId, BillingRole actorRole, string action, string reason, AuditOutcome outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.IsNullOrEmpty(tenant.Value))
        {
            throw new ArgumentException("An audit record needs a tenant; default(TenantId) is not one.", nameof(tenant));
        }

        if (action.Length > MaxActionLength)
        {
            throw new ArgumentException($"The action name '{action}' is longer than {MaxActionLength} characters.", nameof(action));
        }

        Id = id;
        At = at;
        Tenant = tenant;
        ActorId = actorId;
        ActorRole = actorRole;
        Action = action;
        Reason = reason;
        Outcome = outcome;
    }

    /// <summary>Gets the record's unique id.</summary>
    public string Id { get; }

    /// <summary>Gets when the action happened.</summary>
    public Instant At { get; }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets who did it.</summary>
    public string ActorId { get; }

    /// <summary>Gets the role in which they did it.</summary>
    public BillingRole ActorRole { get; }

    /// <summary>Gets the action's name, such as <c>refund.issue</c>.</summary>
    public string Action { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }

    /// <summary>Gets how it ended.</summary>
    public AuditOutcome Outcome { get; }

    /// <summary>Gets what the action concerned, such as a payment, invoice or approval id.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the amount involved, if any.</summary>
    public Money? Amount { get; init; }

    /// <summary>Gets the id that ties the action to the host's request, ticket or trace.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets small facts for readers, never secrets or card data.</summary>
    /// <exception cref="SensitiveAuditDataException">On init: a key names a secret or a value looks like a card number.</exception>
    public IReadOnlyDictionary<string, string> Details
    {
        get;
        init => field = SensitiveData.Guard(value);
    } = FrozenDictionary<string, string>.Empty;
}
