using System.CommandLine;
using BillingKit.Sample.Demo;

namespace BillingKit.Sample.Commands;

/// <summary><c>demo</c> (and no command at all): plays the demo month.</summary>
internal static class DemoCommand
{
    private static readonly Option<string?> Pdf = new("--pdf")
    {
        Description = "Where to write the invoice PDF at the end (default: a file in the temp folder)",
        HelpName = "path",
    };

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("demo", "Play a month of billing on simulated time over the seeded tenants, then show the dashboard and write an invoice PDF") { Pdf };
        command.SetAction(runner.Action(RunAsync));
        return command;
    }

    public static Task<int> RunAsync(DeskSession session, ParseResult parse, CancellationToken cancellationToken) =>
        new DemoScript(session).RunAsync(parse.GetValue(Pdf), cancellationToken);
}
