using NodaTime;

namespace BillingKit.Entitlements;

/// <summary>Options of the entitlements package: the plan catalogue and what limited access denies.</summary>
public sealed class EntitlementOptions
{
    /// <summary>The metric keys that <see cref="AccessLevel.Limited"/> denies unless configured otherwise.</summary>
    internal static readonly string[] DefaultLimitedMetrics = ["attestations.mint", "webhook_endpoints"];

    /// <summary>Gets the plans tenants can be put on. Ids must be unique.</summary>
    /// <value>Empty by default; register every plan of the host's catalogue.</value>
    public IList<Plan> Plans { get; } = [];

    /// <summary>Gets the keys of the metrics that <see cref="AccessLevel.Limited"/> denies.</summary>
    /// <value>Defaults to <c>attestations.mint</c> and <c>webhook_endpoints</c>: a limited tenant keeps verifying
    /// and keeps what it has, but cannot mint or add endpoints.</value>
    public ISet<string> LimitedMetrics { get; } = new HashSet<string>(DefaultLimitedMetrics, StringComparer.Ordinal);

    /// <summary>Gets the keys of the features that <see cref="AccessLevel.Limited"/> switches off.</summary>
    /// <value>Empty by default.</value>
    public ISet<string> LimitedFeatures { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the time zone of tenants put on a plan without one: usage periods start at midnight there.</summary>
    /// <value>Defaults to UTC.</value>
    public DateTimeZone DefaultTimeZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets the most units the gate leases from the quota store at once, beyond what a consumption needs.</summary>
    /// <value>Defaults to <see cref="long.MaxValue"/>: everything the limit allows, which suits the in-memory store.
    /// With a store shared by several instances, a smaller batch (such as 100) spreads the quota between them; an
    /// instance that crashes loses at most one batch.</value>
    public long LeaseBatchSize { get; set; } = long.MaxValue;
}
