using System.CommandLine;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary>
/// Runs one command: starts BillingKit over the chosen store, seeds the book, runs the command as the operator, and
/// turns any error into a message and an exit code.
/// </summary>
internal sealed class CommandRunner(IAnsiConsole console)
{
    public IAnsiConsole Console => console;

    /// <summary>Wraps a command body into a System.CommandLine action.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<DeskSession, ParseResult, CancellationToken, Task<int>> body) =>
        (parse, cancellationToken) => RunAsync(parse, body, cancellationToken);

    private async Task<int> RunAsync(ParseResult parse, Func<DeskSession, ParseResult, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var postgres = parse.GetValue(GlobalOptions.Postgres);
            if (postgres is not null && string.IsNullOrWhiteSpace(postgres))
            {
                throw new SampleInputException("--postgres needs a connection string, for example \"Host=localhost;Username=postgres;Password=...;Database=billing\".");
            }

            await using var host = SampleHost.Create(SampleCatalog.FirstBillingDay.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant(), postgres);
            if (host.PostgreSqlSchema is { } schema)
            {
                console.MarkupLine($"[grey]PostgreSQL store: this run's book lives in schema [bold]{schema}[/] (DROP SCHEMA {schema} CASCADE when done).[/]");
            }

            await SeedAsync(new SampleSeeder(host), cancellationToken);
            var session = new DeskSession(host, console, GlobalOptions.OperatorFor(parse.GetValue(GlobalOptions.As)));
            return await body(session, parse, cancellationToken);
        }
#pragma warning disable CA1031 // The command line's last line of defence: every error becomes a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ErrorReport.Render(console, exception);
        }
    }

    /// <summary>Seeds the book, with a progress bar on a terminal.</summary>
    private Task SeedAsync(SampleSeeder seeder, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return seeder.SeedAsync(cancellationToken: cancellationToken);
        }

        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Seeding the book", maxValue: SampleSeeder.Steps);
                await seeder.SeedAsync(
                    done =>
                    {
                        task.Description = Markup.Escape(done);
                        task.Increment(1);
                    },
                    cancellationToken);
            });
    }
}
