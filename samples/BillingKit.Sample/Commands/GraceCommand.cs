using System.CommandLine;
using BillingKit.Entitlements;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>grace</c>: a temporary quota allowance through the desk's <see cref="EntitlementDesk"/>; it expires on its own.</summary>
internal static class GraceCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var metric = new Option<string>("--metric") { Description = "The metric (verifications, attestations.mint, webhook_endpoints, seats, storage_bytes)", DefaultValueFactory = _ => Metric.Verifications.Key };
        var units = new Option<long>("--units") { Description = "Extra units on top of the limit", Required = true };
        var hours = new Option<int>("--hours") { Description = "How long the allowance lasts", DefaultValueFactory = _ => 48 };
        var reason = SampleArguments.Reason();
        var command = new Command("grace", "Grant a temporary quota allowance (extra units for some hours) that expires on its own") { tenant, metric, units, hours, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var chosen = CheckQuotaCommand.Metric(parse.GetRequiredValue(metric));
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            Show.Acting(session.Console, session.Operator);
            var grace = await session.Host.Get<EntitlementDesk>().GrantGraceAllowanceAsync(request, chosen, parse.GetValue(units), parse.GetValue(hours), cancellationToken);
            Show.Done(session.Console, $"Grace allowance of +{Show.Number(grace.ExtraUnits)} {Markup.Escape(grace.Metric.DisplayName)} for {Markup.Escape(found.Name)} until {Show.Moment(grace.ExpiresAt)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
