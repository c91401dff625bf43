using NodaTime;

namespace BillingKit.Dunning;

/// <summary>One tenant's dunning record: everything <see cref="DunningMachine.Decide"/> needs, immutable.</summary>
/// <remarks>Stores persist it as it is; build new ones with <see cref="DunningMachine.Enroll"/> and
/// <see cref="DunningMachine.Decide"/> rather than by hand. A past-due episode runs from the first failure
/// (<see cref="PastDueSince"/>) until a payment settles it.</remarks>
public sealed record DunningSnapshot
{
    /// <summary>Gets the tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>Gets the state.</summary>
    public required DunningState State { get; init; }

    /// <summary>Gets the contract mode.</summary>
    public required ContractMode Mode { get; init; }

    /// <summary>Gets the access level that <see cref="State"/> grants under the tenant's policy.</summary>
    public required AccessLevel Access { get; init; }

    /// <summary>Gets the name of the options (policy) that apply: empty for the default, or a plan's or tenant's name.</summary>
    public string PolicyName { get; init; } = string.Empty;

    /// <summary>Gets when the tenant was enrolled.</summary>
    public required Instant EnrolledAt { get; init; }

    /// <summary>Gets when the record last changed.</summary>
    public required Instant UpdatedAt { get; init; }

    /// <summary>Gets when the open episode's first failure occurred; null when nothing is owed.</summary>
    public Instant? PastDueSince { get; init; }

    /// <summary>Gets how many automatic retries the machine requested in this episode (never more than the schedule holds).</summary>
    public int RetriesAttempted { get; init; }

    /// <summary>Gets when the machine last requested a charge in this episode.</summary>
    public Instant? LastChargeRequestedAt { get; init; }

    /// <summary>Gets when the next automatic retry is due; null when none is pending.</summary>
    public Instant? NextRetryAt { get; init; }

    /// <summary>Gets whether a hard decline stopped retries until the payment method changes.</summary>
    public bool RetriesHalted { get; init; }

    /// <summary>Gets whether every scheduled retry failed in this episode.</summary>
    public bool RetriesExhausted { get; init; }

    /// <summary>Gets the grace admins added in this episode; it pushes every stage deadline back.</summary>
    public Duration Grace { get; init; }

    /// <summary>Gets the state an admin forced (sticky until cleared); null when the machine is in charge.</summary>
    public DunningState? Forced { get; init; }

    /// <summary>Gets the reason given when the state was forced.</summary>
    public string? ForcedReason { get; init; }

    /// <summary>Gets the last decline code received in this episode.</summary>
    public string? LastDeclineCode { get; init; }

    /// <summary>Gets the provider's attempt number of the last failure in this episode.</summary>
    public int? LastAttemptNumber { get; init; }

    /// <summary>Gets the occurrence time of the newest payment event applied; older ones are stale.</summary>
    public Instant? LastPaymentEventAt { get; init; }

    /// <summary>Gets when the payment method was last updated.</summary>
    public Instant? LastPaymentMethodUpdatedAt { get; init; }

    /// <summary>Gets when the next stage begins (deadline including grace); null when no automatic stage is ahead.</summary>
    public Instant? NextStageAt { get; init; }

    /// <summary>Gets the earlier of <see cref="NextRetryAt"/> and <see cref="NextStageAt"/>: when the processor must next run for this tenant.</summary>
    public Instant? NextDueAt { get; init; }
}
