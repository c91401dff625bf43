using System.CommandLine;
using BillingKit.Dunning;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>dunning-override</c>: an admin overrides the dunning machine, through the desk's <see cref="DunningDesk"/>.</summary>
internal static class DunningOverrideCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var force = new Option<string?>("--force") { Description = "Force a state: active, past-due, unpaid or suspended" };
        var clear = new Option<bool>("--clear") { Description = "Clear a forced state and hand the tenant back to the machine" };
        var grace = new Option<int?>("--extend-grace") { Description = "Extend the grace before the next stage by this many days", HelpName = "days" };
        var mode = new Option<string?>("--mode") { Description = "Change the contract mode: standard, enterprise or government" };
        var reason = SampleArguments.Reason();
        var command = new Command("dunning-override", "Override dunning for a tenant: force a state, clear it, extend grace or change the contract mode") { tenant, force, clear, grace, mode, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var chosen = new[] { parse.GetValue(force) is not null, parse.GetValue(clear), parse.GetValue(grace) is not null, parse.GetValue(mode) is not null }.Count(x => x);
            if (chosen != 1)
            {
                throw new SampleInputException("Give exactly one of --force <state>, --clear, --extend-grace <days> or --mode <mode>.");
            }

            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            var desk = session.Host.Get<DunningDesk>();
            Show.Acting(session.Console, session.Operator);
            var decision = parse.GetValue(force) is { } state ? await desk.ForceStateAsync(request, Choice.Parse<ForcedState>(state, "state"), cancellationToken)
                : parse.GetValue(clear) ? await desk.ClearForcedStateAsync(request, cancellationToken)
                : parse.GetValue(grace) is { } days ? await desk.ExtendGraceAsync(request, days, cancellationToken)
                : await desk.ChangeContractModeAsync(request, Choice.Parse<ContractMode>(parse.GetValue(mode)!, "mode"), cancellationToken);
            Render(session.Console, found.Name, decision);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, string tenantName, DunningDecision decision)
    {
        var snapshot = decision.Snapshot;
        Show.Done(console, $"{Markup.Escape(tenantName)}: {Show.State(snapshot.State)}, access {Show.Access(snapshot.Access)}"
            + (snapshot.Forced is { } forced ? $", forced {forced}" : string.Empty)
            + (snapshot.Grace > NodaTime.Duration.Zero ? $", grace {snapshot.Grace.Days} days" : string.Empty)
            + (decision.OverrideRecord is { } record ? $" [grey]({Markup.Escape(record.Description)})[/]" : string.Empty));
    }
}
