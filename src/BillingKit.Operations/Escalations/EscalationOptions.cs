namespace BillingKit.Operations;

/// <summary>The escalation matrix: for each kind of case, its route and its SLA; and the mass payment failure
/// detector's settings.</summary>
public sealed class EscalationOptions
{
    /// <summary>Gets the rule per kind of case; every kind must have one.</summary>
    /// <value>Refund request: 24 hours to <c>support-lead</c>; dispute: 48 hours to <c>finance</c>; provider sync
    /// error: 4 hours to <c>engineering</c>; mass payment failure: 15 minutes to <c>engineering</c>.</value>
    public IDictionary<EscalationKind, EscalationRule> Rules { get; } = new Dictionary<EscalationKind, EscalationRule>
    {
        [EscalationKind.RefundRequest] = new() { Route = "support-lead", Sla = TimeSpan.FromHours(24) },
        [EscalationKind.Dispute] = new() { Route = "finance", Sla = TimeSpan.FromHours(48) },
        [EscalationKind.ProviderSyncError] = new() { Route = "engineering", Sla = TimeSpan.FromHours(4) },
        [EscalationKind.MassPaymentFailure] = new() { Route = "engineering", Sla = TimeSpan.FromMinutes(15) },
    };

    /// <summary>Gets the mass payment failure detector's settings.</summary>
    public MassPaymentFailureOptions MassPaymentFailure { get; } = new();
}
