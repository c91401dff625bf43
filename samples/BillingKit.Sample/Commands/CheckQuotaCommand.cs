using System.CommandLine;
using BillingKit.Entitlements;
using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>check-quota</c>: asks the hot-path gate whether a tenant may use more of a metric, and explains why.</summary>
internal static class CheckQuotaCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var metric = new Option<string>("--metric") { Description = "The metric key (verifications, attestations.mint, webhook_endpoints, seats, storage_bytes)", DefaultValueFactory = _ => Entitlements.Metric.Verifications.Key };
        var amount = new Option<long>("--amount") { Description = "How many units to ask for", DefaultValueFactory = _ => 1 };
        var consume = new Option<bool>("--consume") { Description = "Consume the units when allowed (TryConsume) instead of only checking" };
        var command = new Command("check-quota", "Ask the entitlement gate whether a tenant may use more, and why") { tenant, metric, amount, consume };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            DeskAuthorizer.Demand(session.Operator, DeskPermission.ViewBilling);
            var chosen = Metric(parse.GetRequiredValue(metric));

            var units = parse.GetValue(amount);
            if (units <= 0)
            {
                throw new SampleInputException($"The amount must be a positive number of units; got {units}.");
            }

            var gate = session.Host.Get<EntitlementGate>();
            var decision = parse.GetValue(consume)
                ? await QuotaUse.TryConsumeAsync(gate, found.Id, chosen, units, cancellationToken)
                : await QuotaUse.CheckAsync(gate, found.Id, chosen, units, cancellationToken);
            Render(session.Console, session.Host.Get<EntitlementService>(), found, chosen, units, decision);
            return decision.IsAllowed ? ExitCodes.Success : ExitCodes.Refused;
        }));
        return command;
    }

    public static Metric Metric(string key) =>
        Entitlements.Metric.TryGet(key, out var metric) && metric is not null
            ? metric
            : throw new SampleInputException($"Unknown metric '{key}'. Known metrics: verifications, attestations.mint, webhook_endpoints, storage_bytes, seats.");

    public static void Render(IAnsiConsole console, EntitlementService service, SampleTenant tenant, Metric metric, long units, EntitlementDecision decision)
    {
        var why = service.Explain(tenant.Id, metric);
        var verdict = decision.IsAllowed
            ? $"[green bold]ALLOWED[/]{(decision.IsWarned ? " [yellow](warned: payment problem)[/]" : string.Empty)}"
            : $"[red bold]DENIED[/] ({decision.Reason})";
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[grey]Asked[/]", $"{Show.Number(units)} × {Markup.Escape(metric.DisplayName)} for {Markup.Escape(tenant.Name)}");
        grid.AddRow("[grey]Decision[/]", verdict);
        grid.AddRow("[grey]Limit[/]", decision.IsUnlimited ? "unlimited" : $"{Show.Number(decision.Limit)} (remaining {Show.Number(decision.Remaining)})");
        grid.AddRow("[grey]Plan quota[/]", TenantDetail.QuotaText(why.PlanQuota));
        grid.AddRow("[grey]Override[/]", why.Override is { } o ? $"{TenantDetail.QuotaText(o.Quota)}: {Markup.Escape(o.Reason)}" : "-");
        foreach (var grace in why.ActiveGraceAllowances)
        {
            grid.AddRow("[grey]Grace[/]", $"+{Show.Number(grace.ExtraUnits)} until {Show.Moment(grace.ExpiresAt)}: {Markup.Escape(grace.Reason)}");
        }

        grid.AddRow("[grey]Used this period[/]", $"{Show.Number(why.Usage)} ({Show.Moment(why.UsagePeriod.Start)} to {Show.Moment(why.UsagePeriod.End)})");
        grid.AddRow("[grey]Access level[/]", Show.Access(why.AccessLevel));
        console.Write(new Panel(grid).Header("Quota check").Border(BoxBorder.Rounded).BorderColor(decision.IsAllowed ? Color.Green : Color.Red));
    }
}
