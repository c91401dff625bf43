namespace BillingKit.Entitlements;

/// <summary>How a metric's usage behaves over time.</summary>
public enum MetricKind
{
    /// <summary>Usage that only goes up and starts again from zero at each usage period (verifications, mints).</summary>
    Counter = 0,

    /// <summary>A current level that goes up and down and never resets (webhook endpoints, storage bytes, seats).</summary>
    Gauge = 1,
}
