namespace BillingKit.Operations.Tests;

/// <summary>The audit convention, checked by reflection over every desk service so that a new action cannot forget it.</summary>
public class DeskActionConventionTests
{
    public static TheoryData<string> Actions()
    {
        // The foundation's own desk services run here on the foundation's DeskFixture. Every desk action, these
        // included, also runs on the whole desk built with AddBillingKit() in Conventions/DeskConventionTests.
        var data = new TheoryData<string>();
        foreach (var method in DeskActionHarness.DeskActions().Where(m => m.DeclaringType == typeof(PayLinkDesk) || m.DeclaringType == typeof(CreditApprovalDesk)))
        {
            data.Add(DeskActionHarness.Describe(method));
        }

        return data;
    }

    [Fact]
    public void The_desk_has_actions_to_check() =>
        Assert.True(DeskActionHarness.DeskActions().Count >= 7, "The reflection found too few desk actions; is the attribute still applied?");

    [Fact]
    public void Every_public_method_that_acts_for_someone_is_a_desk_action_or_a_desk_query() =>
        Assert.Empty(DeskActionHarness.UnclassifiedActorMethods().Select(DeskActionHarness.Describe));

    [Fact]
    public void Action_names_are_lower_case_dotted_and_fit_the_audit_record()
    {
        foreach (var method in DeskActionHarness.DeskActions())
        {
            var name = method.GetCustomAttributes(typeof(DeskActionAttribute), false).Cast<DeskActionAttribute>().Single().Action;
            Assert.Matches("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+$", name);
            Assert.True(name.Length <= AuditRecord.MaxActionLength);
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_desk_action_writes_exactly_one_audit_record_with_actor_and_reason(string description)
    {
        var method = DeskActionHarness.DeskActions().Single(m => DeskActionHarness.Describe(m) == description);
        var attribute = (DeskActionAttribute)method.GetCustomAttributes(typeof(DeskActionAttribute), false).Single();
        var actor = DeskFixture.SuperAdmin;

        var run = await DeskActionHarness.RunAsync(method, actor, DeskArguments.ForTheDesk(), "Checking that every action is audited");

        Assert.Null(run.Thrown);
        var record = Assert.Single(run.Records);
        Assert.Equal(attribute.Action, record.Action);
        Assert.Equal(actor.Id, record.ActorId);
        Assert.Equal(actor.Role, record.ActorRole);
        Assert.Equal("Checking that every action is audited", record.Reason);
        Assert.Equal(DeskFixture.Tenant, record.Tenant);
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_desk_action_denied_to_a_role_without_its_permission_throws_and_writes_nothing(string description)
    {
        var method = DeskActionHarness.DeskActions().Single(m => DeskActionHarness.Describe(m) == description);
        var attribute = (DeskActionAttribute)method.GetCustomAttributes(typeof(DeskActionAttribute), false).Single();

        Actor[] staff = [DeskFixture.Support, DeskFixture.Finance, DeskFixture.BillingAdmin, DeskFixture.Customer];
        var actor = staff.First(a => !DeskAuthorizer.IsAllowed(a, attribute.Permission));

        var run = await DeskActionHarness.RunAsync(method, actor, DeskArguments.ForTheDesk());

        var denied = Assert.IsType<PermissionDeniedException>(run.Thrown);
        Assert.Equal(attribute.Permission, denied.Permission);
        Assert.Empty(run.Records);
    }
}
