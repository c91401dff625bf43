using System.CommandLine;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
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
        var rows = await session.Host.Get<DeskViews>().GetFailuresAndSuspensionsAsync(session.Operator, cancellationToken);
        Render(session.Console, rows);
        return ExitCodes.Success;
    }

    public static void Render(IAnsiConsole console, IReadOnlyList<DunningFailureRow> rows)
    {
        if (rows.Count == 0)
        {
            Show.Done(console, "No failed payments or suspensions: every tenant is paid up.");
            return;
        }

        var table = Show.Table("Payment failures and suspensions", "Tenant", "State", "Access", ">Days past due", ">Retries", "Last decline", "Forced", "Next", "Desk actions for you");
        foreach (var failure in rows)
        {
            var row = failure.Status;
            table.AddRow(
                $"[bold]{Markup.Escape(row.Tenant.Value)}[/]\n[grey]{Markup.Escape(failure.TenantName)}[/]",
                $"{Show.State(row.State)}\n[grey]{row.Mode} contract[/]",
                Show.Access(row.Access),
                row.DaysPastDue.ToString(Show.Culture),
                row.RetriesAttempted.ToString(Show.Culture),
                Show.Text(row.LastDeclineCode),
                row.Forced?.ToString() ?? "-",
                row.NextActionAt is { } at ? $"{row.NextAction}\n[grey]{Show.Moment(at)}[/]" : row.NextAction.ToString(),
                failure.Actions.Count == 0 ? "-" : Markup.Escape(string.Join(", ", failure.Actions.Select(a => Choice.Kebab(a.ToString())))));
        }

        console.Write(table);
    }
}
