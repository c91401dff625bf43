namespace BillingKit.Dunning;

/// <summary>The state an admin forces with a <see cref="ForceStateOverride"/>.</summary>
public enum ForcedState
{
    /// <summary>Pin the tenant in its current state: automatic progression stops until the admin clears it.</summary>
    NoChange = 0,

    /// <summary>Force <see cref="DunningState.Active"/> (full access), for example during a dispute.</summary>
    Active = 1,

    /// <summary>Force <see cref="DunningState.PastDue"/>.</summary>
    PastDue = 2,

    /// <summary>Force <see cref="DunningState.Unpaid"/>.</summary>
    Unpaid = 3,

    /// <summary>Force <see cref="DunningState.Suspended"/>.</summary>
    Suspended = 4,
}
