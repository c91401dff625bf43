namespace BillingKit;

/// <summary>Who performed an action, and in which role. Recorded on every ledger entry and audit record.</summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    /// <param name="id">The host's id of the person or process, such as a user id or "scheduler".</param>
    /// <param name="role">The role in which they act.</param>
    /// <param name="displayName">An optional name for people reading the audit log.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    public Actor(string id, BillingRole role, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Expected a defined BillingRole.");
        }

        Id = id;
        Role = role;
        DisplayName = displayName;
    }

    /// <summary>Gets the automatic actor that BillingKit uses for scheduled work and provider events.</summary>
    public static Actor System { get; } = new("billingkit", BillingRole.System, "BillingKit");

    /// <summary>Gets the host's id of the person or process.</summary>
    public string Id { get; }

    /// <summary>Gets the role in which the actor acts.</summary>
    public BillingRole Role { get; }

    /// <summary>Gets the optional display name.</summary>
    public string? DisplayName { get; }

    /// <summary>Returns "id (Role)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({Role})";
}
