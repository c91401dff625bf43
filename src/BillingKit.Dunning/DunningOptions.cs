namespace BillingKit.Dunning;

/// <summary>The dunning policy as options. Register named options for a plan or tenant and enroll tenants with that name.</summary>
/// <remarks>Validated at start-up for the default name (and on first use for other names): retry days positive and
/// strictly increasing, stage days strictly increasing (Degraded &lt; Restricted &lt; Suspended), access levels never
/// looser at a later stage, intervals positive. Converted to an immutable <see cref="DunningPolicy"/> per decision.</remarks>
public sealed class DunningOptions
{
    /// <summary>Gets or sets the retry schedule: days after the first failure at which each automatic retry is due.</summary>
    /// <value>Default <c>[3, 7, 14]</c>: three retries over two weeks. Empty means no retries (the first failure exhausts them).
    /// Replace the array rather than binding onto it (configuration binding appends to arrays).</value>
    public int[] RetryScheduleDays { get; set; } = [3, 7, 14];

    /// <summary>Gets or sets the days past due at which <see cref="DunningState.Degraded"/> begins.</summary>
    /// <value>Default 7.</value>
    public int DegradedAfterDays { get; set; } = 7;

    /// <summary>Gets or sets the days past due at which <see cref="DunningState.Restricted"/> begins.</summary>
    /// <value>Default 14.</value>
    public int RestrictedAfterDays { get; set; } = 14;

    /// <summary>Gets or sets the days past due at which <see cref="DunningState.Suspended"/> begins.</summary>
    /// <value>Default 21.</value>
    public int SuspendedAfterDays { get; set; } = 21;

    /// <summary>Gets or sets what happens when the last retry fails (Standard mode only).</summary>
    /// <value>Default <see cref="RetriesExhaustedAction.KeepProgressing"/>.</value>
    public RetriesExhaustedAction WhenRetriesExhausted { get; set; } = RetriesExhaustedAction.KeepProgressing;

    /// <summary>Gets or sets the least time between two automatic charges of one tenant.</summary>
    /// <value>Default 1 hour. Must be positive: it is what makes a second processor run at the same instant change nothing.</value>
    public TimeSpan MinimumRetryInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how soon the next retry comes after a transient decline (processing_error).</summary>
    /// <value>Default 1 hour. It brings the next scheduled retry forward; it never adds one.</value>
    public TimeSpan RetrySoonDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the contract mode given to tenants enrolled without one.</summary>
    /// <value>Default <see cref="ContractMode.Standard"/>.</value>
    public ContractMode DefaultContractMode { get; set; } = ContractMode.Standard;

    /// <summary>Gets or sets the access level of <see cref="DunningState.PastDue"/>.</summary>
    /// <value>Default <see cref="AccessLevel.Warned"/>.</value>
    public AccessLevel PastDueAccess { get; set; } = AccessLevel.Warned;

    /// <summary>Gets or sets the access level of <see cref="DunningState.Degraded"/>.</summary>
    /// <value>Default <see cref="AccessLevel.Limited"/>.</value>
    public AccessLevel DegradedAccess { get; set; } = AccessLevel.Limited;

    /// <summary>Gets or sets the access level of <see cref="DunningState.Restricted"/>.</summary>
    /// <value>Default <see cref="AccessLevel.Limited"/>.</value>
    public AccessLevel RestrictedAccess { get; set; } = AccessLevel.Limited;

    /// <summary>Gets or sets the access level of <see cref="DunningState.Suspended"/>.</summary>
    /// <value>Default <see cref="AccessLevel.Blocked"/>.</value>
    public AccessLevel SuspendedAccess { get; set; } = AccessLevel.Blocked;

    /// <summary>Gets or sets the access level of <see cref="DunningState.Unpaid"/>.</summary>
    /// <value>Default <see cref="AccessLevel.Blocked"/>.</value>
    public AccessLevel UnpaidAccess { get; set; } = AccessLevel.Blocked;
}
