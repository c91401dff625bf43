using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>What moving a trial's end into the future did.</summary>
/// <param name="Previous">The trial subscription as it was, now canceled (Invoicing cannot move a trial's end in place).</param>
/// <param name="Next">The same terms with the later trial end, under a new subscription id: bill and refer to this one from now on.</param>
public sealed record TrialExtension(Subscription Previous, Subscription Next);
