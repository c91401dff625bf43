using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Releases a forced state: the machine takes over again and moves the tenant where the open balance, the days
/// past due and the contract mode put it, recording every hop.</summary>
public sealed record ClearForcedStateOverride : DunningOverride
{
    /// <summary>Creates the override.</summary>
    /// <param name="occurredAt">When the admin acted.</param>
    /// <param name="actor">Who acted.</param>
    /// <param name="reason">Why.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidDunningOverrideException">No reason.</exception>
    public ClearForcedStateOverride(Instant occurredAt, Actor actor, string reason)
        : base(occurredAt, actor, reason)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "Cleared the forced state";
}
