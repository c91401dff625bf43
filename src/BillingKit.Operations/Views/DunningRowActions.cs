using BillingKit.Dunning;

namespace BillingKit.Operations;

/// <summary>Which desk actions apply to a tenant in the dunning lifecycle, for an actor: a pure function of the
/// tenant's record and the actor's permissions.</summary>
internal static class DunningRowActions
{
    public static IReadOnlyList<DunningRowAction> For(DunningSnapshot snapshot, Actor actor)
    {
        var actions = new List<DunningRowAction>(7);
        if (snapshot.State == DunningState.Canceled)
        {
            return actions;
        }

        var owes = snapshot.PastDueSince is not null;
        if (owes && DeskAuthorizer.IsAllowed(actor, DeskPermission.RecordPayment))
        {
            actions.Add(DunningRowAction.RecordPayment);
        }

        if (owes && DeskAuthorizer.IsAllowed(actor, DeskPermission.IssueCredit))
        {
            actions.Add(DunningRowAction.IssueCredit);
        }

        if (!DeskAuthorizer.IsAllowed(actor, DeskPermission.ManageDunning))
        {
            return actions;
        }

        if (owes)
        {
            actions.Add(DunningRowAction.ExtendGrace);
        }

        if (snapshot.State != DunningState.Active || snapshot.Forced is not null)
        {
            actions.Add(DunningRowAction.ForceActive);
        }

        if (snapshot.State != DunningState.Suspended)
        {
            actions.Add(DunningRowAction.ForceSuspended);
        }

        if (snapshot.Forced is not null)
        {
            actions.Add(DunningRowAction.ClearForcedState);
        }

        actions.Add(DunningRowAction.ChangeContractMode);
        return actions;
    }
}
