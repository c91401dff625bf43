using NodaTime;

namespace BillingKit.Dunning;

/// <summary>Changes the tenant's contract mode.</summary>
public sealed record ContractModeOverride : DunningOverride
{
    /// <summary>Creates the override.</summary>
    /// <param name="occurredAt">When the admin acted.</param>
    /// <param name="actor">Who acted.</param>
    /// <param name="reason">Why.</param>
    /// <param name="mode">The new mode.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidDunningOverrideException">No reason, or <paramref name="mode"/> is not defined.</exception>
    public ContractModeOverride(Instant occurredAt, Actor actor, string reason, ContractMode mode)
        : base(occurredAt, actor, reason)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new InvalidDunningOverrideException($"Unknown contract mode {mode}; expected Standard, Enterprise or Government.");
        }

        Mode = mode;
    }

    /// <summary>Gets the new mode.</summary>
    public ContractMode Mode { get; }

    /// <inheritdoc />
    public override string Describe() => $"Changed the contract mode to {Mode}";
}
