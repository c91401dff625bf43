using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BillingKit.Operations;

/// <summary>The one meter and activity source of BillingKit, and the instruments the desk records on.</summary>
/// <remarks>Instrument names and tags are listed on <see cref="BillingKitDiagnostics"/>. Thread-safe.</remarks>
internal static class BillingKitTelemetry
{
    private static readonly string? Version = typeof(BillingKitTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly Meter Meter = new(BillingKitDiagnostics.MeterName, Version);

    public static readonly ActivitySource Source = new(BillingKitDiagnostics.ActivitySourceName, Version);

    private static readonly Counter<long> DeskActions =
        Meter.CreateCounter<long>("billingkit.desk.actions", "{action}", "Desk actions completed, by action, role and outcome.");

    private static readonly Counter<long> DeskDenials =
        Meter.CreateCounter<long>("billingkit.desk.denials", "{action}", "Desk actions refused for lack of permission.");

    private static readonly Counter<long> DunningTransitions =
        Meter.CreateCounter<long>("billingkit.dunning.transitions", "{transition}", "Dunning state changes.");

    private static readonly Counter<long> QuotaDenials =
        Meter.CreateCounter<long>("billingkit.entitlements.quota_denials", "{denial}", "Quota checks that were denied.");

    private static readonly Counter<long> ProviderCalls =
        Meter.CreateCounter<long>("billingkit.provider.calls", "{call}", "Calls to payment providers, by outcome.");

    private static readonly Histogram<long> ProviderCallDuration =
        Meter.CreateHistogram<long>("billingkit.provider.call.duration", "ms", "Duration of calls to payment providers.");

    private static readonly Counter<long> ProviderDegradations =
        Meter.CreateCounter<long>("billingkit.provider.degradations", "{degradation}", "Times a provider became degraded.");

    private static readonly Counter<long> Escalations =
        Meter.CreateCounter<long>("billingkit.escalations", "{escalation}", "Escalations raised, by kind and route.");

    private static readonly Counter<long> Approvals =
        Meter.CreateCounter<long>("billingkit.approvals", "{approval}", "Credit approval requests created and decided.");

    private static readonly Counter<long> PayLinkVerifications =
        Meter.CreateCounter<long>("billingkit.pay_links.verifications", "{verification}", "Pay link verifications, by status.");

    public static void DeskAction(string action, BillingRole role, AuditOutcome outcome) =>
        DeskActions.Add(1, new("action", action), new("role", RoleTag(role)), new("outcome", OutcomeTag(outcome)));

    public static void DeskDenial(string action, BillingRole role) =>
        DeskDenials.Add(1, new("action", action), new("role", RoleTag(role)));

    /// <summary>Records a dunning transition; states are the dunning context's state names.</summary>
    public static void DunningTransition(string from, string to) =>
        DunningTransitions.Add(1, new("from", from), new("to", to));

    /// <summary>Records a denied quota check; the metric is the entitlement's metric name, never a tenant.</summary>
    public static void QuotaDenial(string metric) => QuotaDenials.Add(1, new KeyValuePair<string, object?>("metric", metric));

    public static void ProviderCall(ProviderName provider, string operation, string outcome, long elapsedMilliseconds)
    {
        var tags = new TagList { { "provider", provider.Value }, { "operation", operation }, { "outcome", outcome } };
        ProviderCalls.Add(1, tags);
        ProviderCallDuration.Record(elapsedMilliseconds, tags);
    }

    public static void ProviderDegraded(ProviderName provider, ProviderIssueKind kind) =>
        ProviderDegradations.Add(1, new("provider", provider.Value), new("kind", kind.ToString()));

    public static void Escalation(EscalationKind kind, string route) =>
        Escalations.Add(1, new("kind", kind.ToString()), new("route", route));

    public static void Approval(CreditApprovalStatus status) =>
        Approvals.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public static void PayLinkVerification(PayLinkStatus status) =>
        PayLinkVerifications.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    private static string RoleTag(BillingRole role) => role.ToString();

    private static string OutcomeTag(AuditOutcome outcome) => outcome.ToString();
}
