using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure mass payment failure decision over a window of outcomes and an explicit now.</summary>
internal static class MassPaymentFailureDetector
{
    /// <summary>Assesses the outcomes seen in (now - window, now].</summary>
    public static MassFailureAssessment Assess(IEnumerable<PaymentOutcomeSample> outcomes, Instant now, MassFailureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(settings);
        var from = now - settings.Window;
        var samples = 0;
        var failures = 0;
        var failingTenants = new HashSet<TenantId>();
        foreach (var outcome in outcomes)
        {
            if (outcome.At <= from || outcome.At > now)
            {
                continue;
            }

            samples++;
            if (!outcome.Succeeded)
            {
                failures++;
                failingTenants.Add(outcome.Tenant);
            }
        }

        return Assess(samples, failures, failingTenants.Count, settings);
    }

    /// <summary>Assesses a window from its counts: outcomes, failures, and distinct tenants with failures.</summary>
    public static MassFailureAssessment Assess(int samples, int failures, int failingTenants, MassFailureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var enough = samples >= settings.MinimumSamples;
        var aboveRate = failures > settings.FailureRateThreshold * samples;
        var isAbove = enough && aboveRate && failingTenants >= settings.MinimumTenants;
        var isClear = samples == 0 || (enough && !aboveRate);
        return new MassFailureAssessment(samples, failures, failingTenants, isAbove, isClear);
    }

    /// <summary>Moves the episode state: an episode begins (and is raised, once) when the window is above the
    /// threshold and none is open; it ends when the window is clear. Anything in between keeps the state.</summary>
    public static MassFailureStep Step(Instant? episodeSince, MassFailureAssessment assessment, Instant now)
    {
        if (episodeSince is null)
        {
            return assessment.IsAbove ? new MassFailureStep(now, Raise: true, Ended: false) : new MassFailureStep(null, false, false);
        }

        return assessment.IsClear ? new MassFailureStep(null, Raise: false, Ended: true) : new MassFailureStep(episodeSince, false, false);
    }
}
