using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The result of <see cref="DunningMachine.Decide"/>: the new snapshot, the effects to carry out, the transitions taken
/// and when something is next due.</summary>
/// <param name="Outcome">Whether the event was applied or ignored.</param>
/// <param name="Snapshot">The tenant's record after the event.</param>
/// <param name="Transitions">Every hop taken, in order, with causes; empty when the state did not change.</param>
/// <param name="Effects">What the host must do, in order.</param>
/// <param name="OverrideRecord">The audit record when the event was an override; otherwise null.</param>
/// <param name="Note">Why the event was ignored, or a remark for the desk; otherwise null.</param>
public sealed record DunningDecision(
    DunningOutcome Outcome,
    DunningSnapshot Snapshot,
    IReadOnlyList<DunningTransition> Transitions,
    IReadOnlyList<DunningEffect> Effects,
    DunningOverrideRecord? OverrideRecord,
    string? Note)
{
    /// <summary>Gets the next instant at which something is due (a retry or a stage), or null when nothing automatic is pending.</summary>
    public Instant? NextDueAt => Snapshot.NextDueAt;
}
