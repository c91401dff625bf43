namespace BillingKit.Operations;

/// <summary>
/// Who asks for a desk action, on which tenant, and why: the part of every mutating desk call that ends up in its
/// audit record.
/// </summary>
public sealed record DeskRequest
{
    /// <summary>The longest reason accepted, in characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Creates a request.</summary>
    /// <param name="actor">Who asks, in which role.</param>
    /// <param name="tenant">The tenant whose billing the action changes.</param>
    /// <param name="reason">Why, in words the audit log's readers understand; required.</param>
    /// <param name="correlationId">Ties the action to the host's request or ticket; the current trace id (or a new
    /// id) when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is <c>default</c>.</exception>
    /// <exception cref="ReasonRequiredException"><paramref name="reason"/> is missing, blank or longer than
    /// <see cref="MaxReasonLength"/>.</exception>
    public DeskRequest(Actor actor, TenantId tenant, string reason, string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(tenant.Value))
        {
            throw new ArgumentException("A desk request needs a tenant; default(TenantId) is not one.", nameof(tenant));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            throw new ReasonRequiredException(reason);
        }

        Actor = actor;
        Tenant = tenant;
        Reason = reason.Trim();
        CorrelationId = string.IsNullOrWhiteSpace(correlationId) ? null : correlationId;
    }

    /// <summary>Gets who asks.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets why, trimmed.</summary>
    public string Reason { get; }

    /// <summary>Gets the host's correlation id, if it gave one.</summary>
    public string? CorrelationId { get; }
}
