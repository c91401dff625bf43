using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>What moving a trial's end into the future did.</summary>
/// <param name="Previous">The trial subscription as it was before, with its old trial end.</param>
/// <param name="Next">The same subscription (same id and terms) with the later trial end, as it is now.</param>
public sealed record TrialExtension(Subscription Previous, Subscription Next);
