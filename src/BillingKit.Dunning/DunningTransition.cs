using NodaTime;

namespace BillingKit.Dunning;

/// <summary>One hop of the state machine, recorded with its cause. A tenant that moves several stages at once records one
/// transition per stage.</summary>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="Cause">Why.</param>
/// <param name="At">When the hop became due (a stage's deadline) or happened.</param>
/// <param name="Detail">A sentence for the desk, such as the decline code or the override reason.</param>
public sealed record DunningTransition(DunningState From, DunningState To, TransitionCause Cause, Instant At, string Detail);
