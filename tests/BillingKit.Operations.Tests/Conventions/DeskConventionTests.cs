using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Operations.Tests.Conventions;

/// <summary>
/// The desk's conventions, checked by reflection over every public desk service so that a new action cannot forget
/// them: every action (a method marked <see cref="DeskActionAttribute"/>, and every other public async method, which
/// must then be one) writes exactly one audit record with the actor and the reason when allowed, and throws and writes
/// nothing when the actor's role lacks its permission; every query demands its permission and writes nothing.
/// </summary>
public class DeskConventionTests
{
    private const string Reason = "Checking that every desk action is audited";

    /// <summary>Public async methods of desk services that are neither actions nor queries, each with why: they act for
    /// no one at the desk (they take no actor or request), so they have no permission to demand or audit record to write.</summary>
    private static readonly Dictionary<string, string> NotDeskMethods = new(StringComparer.Ordinal)
    {
        ["PayLinkDesk.VerifyAsync"] = "the host's payment page verifies a customer's token; it changes nothing and has no actor",
        ["ProviderHealthMonitor.ObserveAsync"] = "wraps a provider call to observe its outcome; the action making the call is audited",
        ["ProviderEventProcessor.HandleAsync"] = "handles a verified provider event as the System actor, idempotent on the event id; its audit record per handled event is checked by the provider-event tests",
        ["PlanChangeProcessor.ApplyDuePlanChangesAsync"] = "the host's scheduler applies due plan changes as the System actor, idempotent per change; its audit record per applied change is checked by the scheduled-plan-change tests",
    };

    public static TheoryData<string> Actions() => Describe(DeskActionHarness.DeskActions());

    public static TheoryData<string> Queries() => Describe(ConventionHarness.DeskQueries());

    [Fact]
    public void The_reflection_finds_the_desk_services_and_their_actions()
    {
        var services = ConventionHarness.DeskServices();
        Assert.Contains(typeof(TenantDirectory), services);
        Assert.Contains(typeof(DunningDesk), services);
        Assert.Contains(typeof(EntitlementDesk), services);
        Assert.Contains(typeof(PurchaseOrderDesk), services);
        Assert.Contains(typeof(BillingReports), services);
        Assert.Contains(typeof(PayLinkDesk), services);
        Assert.True(DeskActionHarness.DeskActions().Count >= 20, "The reflection found too few desk actions; is the attribute still applied?");
        Assert.True(ConventionHarness.DeskQueries().Count >= 8, "The reflection found too few desk queries; is the attribute still applied?");
    }

    [Fact]
    public async Task Every_desk_service_is_registered_by_AddBillingKit()
    {
        await using var desk = BillingKitDesk.Create();
        var missing = ConventionHarness.DeskServices()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<DeskActionAttribute>() is not null || m.GetCustomAttribute<DeskQueryAttribute>() is not null))
            .Where(t => desk.Services.GetService(t) is null)
            .Select(t => t.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_public_async_method_of_a_desk_service_is_a_desk_action_or_a_desk_query()
    {
        var unclassified = ConventionHarness.AsyncMethods()
            .Where(m => m.GetCustomAttribute<DeskActionAttribute>() is null && m.GetCustomAttribute<DeskQueryAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct(StringComparer.Ordinal)
            .Where(name => !NotDeskMethods.ContainsKey(name));
        Assert.Empty(unclassified);
    }

    [Fact]
    public void The_methods_that_are_not_desk_methods_take_no_actor_and_still_exist()
    {
        foreach (var name in NotDeskMethods.Keys)
        {
            var methods = ConventionHarness.AsyncMethods().Where(m => $"{m.DeclaringType!.Name}.{m.Name}" == name).ToList();
            Assert.NotEmpty(methods);
            Assert.All(methods, m => Assert.DoesNotContain(m.GetParameters(), p => p.ParameterType == typeof(Actor) || p.ParameterType == typeof(DeskRequest)));
        }
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_desk_action_writes_exactly_one_audit_record_with_actor_and_reason(string description)
    {
        var method = Find(DeskActionHarness.DeskActions(), description);
        var attribute = method.GetCustomAttribute<DeskActionAttribute>()!;
        var actor = DeskFixture.SuperAdmin;

        var run = await ConventionHarness.RunActionAsync(method, actor, ConventionArguments.ForTheWholeDesk(), Reason);

        Assert.Null(run.Thrown);
        var record = Assert.Single(run.Records);
        Assert.Equal(attribute.Action, record.Action);
        Assert.Equal((actor.Id, actor.Role), (record.ActorId, record.ActorRole));
        Assert.Equal(Reason, record.Reason);
        Assert.Equal(run.Request.Tenant, record.Tenant);
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_desk_action_denied_to_a_role_without_its_permission_throws_and_writes_nothing(string description)
    {
        var method = Find(DeskActionHarness.DeskActions(), description);
        var attribute = method.GetCustomAttribute<DeskActionAttribute>()!;
        Actor[] staff = [DeskFixture.Support, DeskFixture.Finance, DeskFixture.BillingAdmin, DeskFixture.Customer];
        var actor = staff.First(a => !DeskAuthorizer.IsAllowed(a, attribute.Permission));

        var run = await ConventionHarness.RunActionAsync(method, actor, ConventionArguments.ForTheWholeDesk(), Reason);

        var denied = Assert.IsType<PermissionDeniedException>(run.Thrown);
        Assert.Equal(attribute.Permission, denied.Permission);
        Assert.Empty(run.Records);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Every_desk_query_answers_its_permission_holders_writes_nothing_and_refuses_the_others(string description)
    {
        var method = Find(ConventionHarness.DeskQueries(), description);
        var permission = method.GetCustomAttribute<DeskQueryAttribute>()!.Permission;
        var allowed = DeskAuthorizer.RolesWith(permission).Select(r => new Actor("allowed", r, "Allowed")).First();
        var refused = new Actor("refused", BillingRole.Customer, "Customer");

        var (thrown, written) = await ConventionHarness.RunQueryAsync(method, allowed, ConventionArguments.ForTheWholeDesk());
        var (deniedThrown, deniedWritten) = await ConventionHarness.RunQueryAsync(method, refused, ConventionArguments.ForTheWholeDesk());

        Assert.Null(thrown);
        Assert.Equal(0, written);
        Assert.Equal(permission, Assert.IsType<PermissionDeniedException>(deniedThrown).Permission);
        Assert.Equal(0, deniedWritten);
    }

    private static TheoryData<string> Describe(IEnumerable<MethodInfo> methods)
    {
        var data = new TheoryData<string>();
        foreach (var method in methods)
        {
            data.Add(DeskActionHarness.Describe(method));
        }

        return data;
    }

    private static MethodInfo Find(IEnumerable<MethodInfo> methods, string description) =>
        methods.Single(m => DeskActionHarness.Describe(m) == description);

}
