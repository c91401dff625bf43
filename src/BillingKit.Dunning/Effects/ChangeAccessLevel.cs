namespace BillingKit.Dunning;

/// <summary>The tenant's access level changed; refresh its entitlement snapshot.</summary>
/// <param name="From">The previous level.</param>
/// <param name="To">The new level.</param>
public sealed record ChangeAccessLevel(AccessLevel From, AccessLevel To) : DunningEffect;
