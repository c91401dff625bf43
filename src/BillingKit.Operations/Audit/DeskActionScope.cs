using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// What a desk action's body sees and fills in while it runs: the unit of work to write in, the request, the
/// moment, and the facts of its one audit record (target, amount, outcome, details).
/// </summary>
/// <remarks>Used by one flow at a time; not thread-safe.</remarks>
internal sealed class DeskActionScope
{
    internal DeskActionScope(ITenantUnitOfWork unit, DeskRequest request, DeskAction action, Instant now, string correlationId)
    {
        Unit = unit;
        Request = request;
        Action = action;
        Now = now;
        CorrelationId = correlationId;
    }

    public ITenantUnitOfWork Unit { get; }

    public DeskRequest Request { get; }

    public DeskAction Action { get; }

    /// <summary>The moment of the action, read once from the clock; use it for every time the action stores.</summary>
    public Instant Now { get; }

    public string CorrelationId { get; }

    public string? Target { get; set; }

    public Money? Amount { get; set; }

    public AuditOutcome Outcome { get; set; } = AuditOutcome.Succeeded;

    public Dictionary<string, string> Details { get; } = new(StringComparer.Ordinal);
}
