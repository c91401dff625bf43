namespace BillingKit.Dunning;

/// <summary>Whether a decision applied its event.</summary>
public enum DunningOutcome
{
    /// <summary>The event was applied (the state may or may not have changed).</summary>
    Applied = 0,

    /// <summary>The event was ignored: stale (older than the last payment event) or the subscription is canceled.
    /// Nothing changed; <see cref="DunningDecision.Note"/> says why.</summary>
    Ignored = 1,
}
