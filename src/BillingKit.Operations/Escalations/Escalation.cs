using NodaTime;

namespace BillingKit.Operations;

/// <summary>A case raised to people: what, to whom, and by when.</summary>
/// <param name="Id">The escalation's id, such as <c>esc_...</c>.</param>
/// <param name="Kind">The kind of case.</param>
/// <param name="Route">The team or queue it goes to.</param>
/// <param name="Subject">A short description with ids, never secrets or card data.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="DueAt">When it must be handled by (raised + SLA).</param>
/// <param name="Tenant">The tenant it concerns; <see langword="null"/> for cases across tenants.</param>
/// <param name="CorrelationId">Ties it to the action or event that raised it.</param>
public sealed record Escalation(
    string Id,
    EscalationKind Kind,
    string Route,
    string Subject,
    Instant RaisedAt,
    Instant DueAt,
    TenantId? Tenant,
    string? CorrelationId);
