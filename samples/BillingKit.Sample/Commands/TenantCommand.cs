using System.CommandLine;
using BillingKit.Sample.Rendering;

namespace BillingKit.Sample.Commands;

/// <summary><c>tenant &lt;id&gt;</c>: one tenant in detail.</summary>
internal static class TenantCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var command = new Command("tenant", "One tenant in detail: status, balances, payments, invoices, entitlements and dunning history") { tenant };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            await TenantDetail.RenderAsync(session.Console, session.Host, session.Operator, found, cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }
}
