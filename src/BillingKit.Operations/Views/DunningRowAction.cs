namespace BillingKit.Operations;

/// <summary>A desk action offered on a row of the failures and suspensions view.</summary>
public enum DunningRowAction
{
    /// <summary>Record a payment received (money desk); needs <see cref="DeskPermission.RecordPayment"/>.</summary>
    RecordPayment = 0,

    /// <summary>Credit the tenant (money desk); needs <see cref="DeskPermission.IssueCredit"/>.</summary>
    IssueCredit = 1,

    /// <summary>Extend the dunning grace by some days (<see cref="DunningDesk.ExtendGraceAsync"/>).</summary>
    ExtendGrace = 2,

    /// <summary>Force the tenant Active, for example during a dispute (<see cref="DunningDesk.ForceStateAsync"/>).</summary>
    ForceActive = 3,

    /// <summary>Force the tenant Suspended (<see cref="DunningDesk.ForceStateAsync"/>).</summary>
    ForceSuspended = 4,

    /// <summary>Hand a forced tenant back to the machine (<see cref="DunningDesk.ClearForcedStateAsync"/>).</summary>
    ClearForcedState = 5,

    /// <summary>Change the contract mode (<see cref="DunningDesk.ChangeContractModeAsync"/>).</summary>
    ChangeContractMode = 6,
}
