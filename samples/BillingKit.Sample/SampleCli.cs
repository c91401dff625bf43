using System.CommandLine;
using BillingKit.Sample.Commands;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample;

/// <summary>The sample's command line: the desk commands, and <c>demo</c> when no command is given.</summary>
internal static class SampleCli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        PdfLicensing.ChooseAgpl();
        var runner = new CommandRunner(console);
        var root = new RootCommand("BillingKit sample billing desk: a seeded book of tenants on a simulated clock, over the embedded store.")
        {
            GlobalOptions.As,
            GlobalOptions.Postgres,
        };
        foreach (var command in DeskCommands.All(runner))
        {
            root.Subcommands.Add(command);
        }

        // No command: play the demo.
        root.SetAction(runner.Action(DemoCommand.RunAsync));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLine($"[red bold]✘ Invalid input:[/] [red]{Markup.Escape(error.Message)}[/]");
            }

            console.MarkupLine("[grey]Run with --help to see the commands and their options.[/]");
            return ExitCodes.InvalidInput;
        }

        var writer = console.Profile.Out.Writer;
        return await parse.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
    }
}
