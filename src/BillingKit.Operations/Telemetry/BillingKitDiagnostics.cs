namespace BillingKit.Operations;

/// <summary>
/// The names hosts subscribe to for BillingKit's metrics and traces, for example
/// <c>metrics.AddMeter(BillingKitDiagnostics.MeterName)</c> and <c>tracing.AddSource(BillingKitDiagnostics.ActivitySourceName)</c>.
/// </summary>
/// <remarks>
/// <para>Instruments (all counters unless said): <c>billingkit.desk.actions</c> (tags <c>action</c>, <c>role</c>,
/// <c>outcome</c>), <c>billingkit.desk.denials</c> (<c>action</c>, <c>role</c>), <c>billingkit.dunning.transitions</c>
/// (<c>from</c>, <c>to</c>), <c>billingkit.entitlements.quota_denials</c> (<c>metric</c>),
/// <c>billingkit.provider.calls</c> (<c>provider</c>, <c>operation</c>, <c>outcome</c>),
/// <c>billingkit.provider.call.duration</c> (histogram in milliseconds, same tags),
/// <c>billingkit.provider.degradations</c> (<c>provider</c>, <c>kind</c>), <c>billingkit.escalations</c>
/// (<c>kind</c>, <c>route</c>), <c>billingkit.approvals</c> (<c>status</c>) and <c>billingkit.pay_links.verifications</c>
/// (<c>status</c>).</para>
/// <para>Tags never carry tenant ids, amounts, secrets or card data, so that metric cardinality stays low and no
/// personal data leaves through telemetry.</para>
/// </remarks>
public static class BillingKitDiagnostics
{
    /// <summary>The name of BillingKit's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "BillingKit";

    /// <summary>The name of BillingKit's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "BillingKit";
}
