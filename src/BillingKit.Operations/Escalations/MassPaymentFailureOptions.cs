namespace BillingKit.Operations;

/// <summary>When payment failures across tenants count as a mass payment failure.</summary>
/// <remarks>An episode begins when, over the last <see cref="Window"/>, at least <see cref="MinimumSamples"/>
/// payment outcomes were seen, more than <see cref="FailureRateThreshold"/> of them failed, and failures came from at
/// least <see cref="MinimumTenants"/> tenants; one escalation is raised then. The episode ends when the window is
/// empty or, with enough samples, the failure rate is back at or below the threshold; only then can another
/// escalation be raised.</remarks>
public sealed class MassPaymentFailureOptions
{
    /// <summary>Gets or sets the sliding window.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the fewest outcomes in the window before any rate is trusted.</summary>
    /// <value>20.</value>
    public int MinimumSamples { get; set; } = 20;

    /// <summary>Gets or sets the failure rate (0 to 1, exclusive of 1) above which payments are failing en masse.</summary>
    /// <value>0.5 (more than half failing).</value>
    public decimal FailureRateThreshold { get; set; } = 0.5m;

    /// <summary>Gets or sets the fewest distinct tenants with failures; one tenant's failures are that tenant's problem.</summary>
    /// <value>2.</value>
    public int MinimumTenants { get; set; } = 2;
}
