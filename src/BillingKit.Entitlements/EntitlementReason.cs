namespace BillingKit.Entitlements;

/// <summary>Why the gate allowed or denied a request.</summary>
public enum EntitlementReason
{
    /// <summary>Allowed: the amount fits within the effective limit.</summary>
    WithinLimit = 0,

    /// <summary>Allowed: the metric has no limit.</summary>
    Unlimited = 1,

    /// <summary>Denied: the amount would take usage above the effective limit.</summary>
    QuotaExceeded = 2,

    /// <summary>Denied: the tenant's access level is <see cref="AccessLevel.Blocked"/>.</summary>
    AccessBlocked = 3,

    /// <summary>Denied: the tenant's access level is <see cref="AccessLevel.Limited"/> and this metric is in the limited set.</summary>
    AccessLimited = 4,

    /// <summary>Denied: the gate knows no tenant with that id.</summary>
    UnknownTenant = 5,

    /// <summary>Denied: no metric with that key is defined.</summary>
    UnknownMetric = 6,

    /// <summary>Denied: the tenant's plan has no quota for the metric, and no override or grace allowance gives one.</summary>
    MetricNotInPlan = 7,

    /// <summary>Denied: the amount is negative.</summary>
    InvalidAmount = 8,

    /// <summary>Denied: only gauge metrics can be released; counters only reset with the usage period.</summary>
    NotAGauge = 9,

    /// <summary>Denied: the quota store has not granted this instance a lease for the units yet; retry shortly.</summary>
    LeaseUnavailable = 10,

    /// <summary>Allowed: units were released from a gauge.</summary>
    Released = 11,
}
