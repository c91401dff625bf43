using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Forces a state. The forced state is sticky: ticks, failures and stage deadlines do not move it until an admin
/// clears it (<see cref="ClearForcedStateOverride"/>); a successful payment releases only a forced
/// <see cref="DunningState.Active"/>.</summary>
public sealed record ForceStateOverride : DunningOverride
{
    /// <summary>Creates the override.</summary>
    /// <param name="occurredAt">When the admin acted.</param>
    /// <param name="actor">Who acted.</param>
    /// <param name="reason">Why.</param>
    /// <param name="target">The state to force; <see cref="ForcedState.NoChange"/> pins the current one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidDunningOverrideException">No reason, or <paramref name="target"/> is not defined.</exception>
    public ForceStateOverride(Instant occurredAt, Actor actor, string reason, ForcedState target)
        : base(occurredAt, actor, reason)
    {
        if (!Enum.IsDefined(target))
        {
            throw new InvalidDunningOverrideException($"Cannot force state {target}; expected NoChange, Active, PastDue, Unpaid or Suspended.");
        }

        Target = target;
    }

    /// <summary>Gets the state to force.</summary>
    public ForcedState Target { get; }

    /// <inheritdoc />
    public override string Describe() => Target == ForcedState.NoChange ? "Pinned the current state" : $"Forced state {Target}";
}
