namespace BillingKit.Operations;

/// <summary>A desk action offered on a row of the failures and suspensions view.</summary>
public enum DunningRowAction
{
    /// <summary>Record a payment received (money desk); needs <see cref="DeskPermission.RecordPayment"/>.</summary>
    RecordPayment = 0,

    /// <summary>Credit the tenant (money desk); needs <see cref="DeskPermission.IssueCredit"/>.</summary>
    IssueCredit = 1,

    /// <summary>Extend the dunning grace by some days (<c>DunningDesk.ExtendGraceAsync</c>).</summary>
    ExtendGrace = 2,

    /// <summary>Force the tenant Active, for example during a dispute (<c>DunningDesk.ForceStateAsync</c>).</summary>
    ForceActive = 3,

    /// <summary>Force the tenant Suspended (<c>DunningDesk.ForceStateAsync</c>).</summary>
    ForceSuspended = 4,

    /// <summary>Hand a forced tenant back to the machine (<c>DunningDesk.ClearForcedStateAsync</c>).</summary>
    ClearForcedState = 5,

    /// <summary>Change the contract mode (<c>DunningDesk.ChangeContractModeAsync</c>).</summary>
    ChangeContractMode = 6,
}
