using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure routing of cases: an immutable copy of the configured rules.</summary>
internal sealed class EscalationMatrix
{
    private readonly Dictionary<EscalationKind, (string Route, Duration Sla)> _rules;

    public EscalationMatrix(EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = options.Rules.ToDictionary(pair => pair.Key, pair => (pair.Value.Route, Duration.FromTimeSpan(pair.Value.Sla)));
    }

    /// <summary>Routes a case raised at <paramref name="now"/>: its route and due time from the matrix.</summary>
    /// <exception cref="InvalidOperationException">The kind has no rule (the options validator prevents it).</exception>
    public Escalation Route(string id, EscalationKind kind, string subject, TenantId? tenant, string? correlationId, Instant now)
    {
        if (!_rules.TryGetValue(kind, out var rule))
        {
            throw new InvalidOperationException($"The escalation matrix has no rule for {kind}; add one to EscalationOptions.Rules.");
        }

        return new Escalation(id, kind, rule.Route, subject, now, now + rule.Sla, tenant, correlationId);
    }
}
