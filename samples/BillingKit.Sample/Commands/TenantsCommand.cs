using System.CommandLine;
using BillingKit.Sample.Rendering;

namespace BillingKit.Sample.Commands;

/// <summary><c>tenants</c>: the dashboard (MRR summary, status breakdown, tenant table).</summary>
internal static class TenantsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("tenants", "The tenants dashboard: MRR summary, status breakdown and the tenant table");
        command.SetAction(runner.Action(RunAsync));
        return command;
    }

    public static async Task<int> RunAsync(DeskSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        await Dashboard.RenderAsync(session.Console, session.Host, session.Operator, cancellationToken);
        return ExitCodes.Success;
    }
}
