using BillingKit.Dunning;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Views;

public class DunningRowActionsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static readonly (DunningRowAction Action, DeskPermission Permission)[] Needs =
    [
        (DunningRowAction.RecordPayment, DeskPermission.RecordPayment),
        (DunningRowAction.IssueCredit, DeskPermission.IssueCredit),
        (DunningRowAction.ExtendGrace, DeskPermission.ManageDunning),
        (DunningRowAction.ForceActive, DeskPermission.ManageDunning),
        (DunningRowAction.ForceSuspended, DeskPermission.ManageDunning),
        (DunningRowAction.ClearForcedState, DeskPermission.ManageDunning),
        (DunningRowAction.ChangeContractMode, DeskPermission.ManageDunning),
    ];

    private static DunningSnapshot Snapshot(DunningState state, bool owes, DunningState? forced) => new()
    {
        Tenant = TenantId.From("ten_acme"),
        State = state,
        Mode = ContractMode.Standard,
        Access = AccessLevel.Full,
        EnrolledAt = Now,
        UpdatedAt = Now,
        PastDueSince = owes ? Now - Duration.FromDays(3) : null,
        Forced = forced,
    };

    [Fact]
    public void Every_offered_action_is_one_the_actors_role_permits_and_that_applies_to_the_row()
    {
        var states = Gen.Elements(Enum.GetValues<DunningState>());
        var roles = Gen.Elements(Enum.GetValues<BillingRole>());
        var forced = Gen.Elements<DunningState?>(null, DunningState.Active, DunningState.Suspended, DunningState.PastDue);
        var rows = from state in states
                   from role in roles
                   from owes in Gen.Elements(true, false)
                   from force in forced
                   select (state, role, owes, force);
        PropertyTest.Check(Prop.ForAll(rows.ToArbitrary(), row =>
        {
            var (state, role, owes, force) = row;
            var actions = DunningRowActions.For(Snapshot(state, owes, force), new Actor("someone", role, "Someone"));
            var permitted = actions.All(a => DeskAuthorizer.IsAllowed(new Actor("someone", role, "Someone"), Needs.Single(n => n.Action == a).Permission));
            var applies = state != DunningState.Canceled || actions.Count == 0;
            var moneyOnlyWhenOwed = owes || !actions.Any(a => a is DunningRowAction.RecordPayment or DunningRowAction.IssueCredit or DunningRowAction.ExtendGrace);
            var clearOnlyWhenForced = force is not null || !actions.Contains(DunningRowAction.ClearForcedState);
            var ordered = actions.SequenceEqual(actions.Order());
            return permitted && applies && moneyOnlyWhenOwed && clearOnlyWhenForced && ordered;
        }));
    }
}
