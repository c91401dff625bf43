using NodaTime;

namespace BillingKit.Dunning;

/// <summary>An admin's override of the machine; always carries the actor and a reason, recorded for audit.</summary>
/// <remarks>Who may override is the desk's decision (BillingKit.Operations authorizes the actor's role).</remarks>
public abstract record DunningOverride : DunningEvent
{
    /// <summary>Creates the override.</summary>
    /// <param name="occurredAt">When the admin acted.</param>
    /// <param name="actor">Who acted.</param>
    /// <param name="reason">Why, in words for the audit log.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidDunningOverrideException"><paramref name="reason"/> is null, empty or white space.</exception>
    protected DunningOverride(Instant occurredAt, Actor actor, string reason)
        : base(occurredAt)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidDunningOverrideException("An override needs a reason for the audit log; got none. Say why, for example \"dispute opened, ticket 4411\".");
        }

        Actor = actor;
        Reason = reason.Trim();
    }

    /// <summary>Gets who acted.</summary>
    public Actor Actor { get; }

    /// <summary>Gets why, trimmed.</summary>
    public string Reason { get; }

    /// <summary>Describes what the override does, for the audit record.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();
}
