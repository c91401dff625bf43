using NodaTime;

namespace BillingKit.Dunning;

/// <summary>One line of the "failures and suspensions" view: a tenant in the lifecycle and what happens next.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="State">Its state.</param>
/// <param name="Access">The access level it has.</param>
/// <param name="Mode">Its contract mode.</param>
/// <param name="DaysPastDue">Whole days since the open episode's first failure (0 when nothing is owed).</param>
/// <param name="RetriesAttempted">Automatic retries requested in this episode.</param>
/// <param name="LastDeclineCode">The last decline code, or null.</param>
/// <param name="Forced">The forced state, or null when the machine is in charge.</param>
/// <param name="NextAction">What happens next.</param>
/// <param name="NextActionAt">When it is due; null when it waits for a person or a payment.</param>
public sealed record DunningStatusRow(
    TenantId Tenant,
    DunningState State,
    AccessLevel Access,
    ContractMode Mode,
    int DaysPastDue,
    int RetriesAttempted,
    string? LastDeclineCode,
    DunningState? Forced,
    DunningNextAction NextAction,
    Instant? NextActionAt);
