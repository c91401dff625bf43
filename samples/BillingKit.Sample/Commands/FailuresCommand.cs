using System.CommandLine;
using BillingKit.Dunning;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>failures</c>: the dunning view: every tenant that is past due, limited or suspended, and what happens next.</summary>
internal static class FailuresCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("failures", "The dunning view: tenants with failed payments or suspensions, and what happens next");
        command.SetAction(runner.Action(RunAsync));
        return command;
    }

    public static async Task<int> RunAsync(DeskSession session, ParseResult parse, CancellationToken cancellationToken)
    {
        DeskAuthorizer.Demand(session.Operator, DeskPermission.ViewBilling);
        var rows = await session.Host.Get<DunningService>().GetFailuresAndSuspensionsAsync(cancellationToken);
        Render(session.Console, rows);
        return ExitCodes.Success;
    }

    public static void Render(IAnsiConsole console, IReadOnlyList<DunningStatusRow> rows)
    {
        if (rows.Count == 0)
        {
            Show.Done(console, "No failed payments or suspensions: every tenant is paid up.");
            return;
        }

        var table = Show.Table("Payment failures and suspensions", "Tenant", "State", "Access", "Contract", ">Days past due", ">Retries", "Last decline", "Forced", "Next", "When");
        foreach (var row in rows)
        {
            var name = SampleCatalog.TryFind(row.Tenant.Value, out var tenant) ? tenant.Name : row.Tenant.Value;
            table.AddRow(
                $"[bold]{Markup.Escape(row.Tenant.Value)}[/] [grey]{Markup.Escape(name)}[/]",
                Show.State(row.State),
                Show.Access(row.Access),
                row.Mode.ToString(),
                row.DaysPastDue.ToString(Show.Culture),
                row.RetriesAttempted.ToString(Show.Culture),
                Show.Text(row.LastDeclineCode),
                row.Forced?.ToString() ?? "-",
                row.NextAction.ToString(),
                Show.Moment(row.NextActionAt));
        }

        console.Write(table);
    }
}
