using BillingKit.Sample;
using Spectre.Console;

// The whole program is the command line in SampleCli; tests call the same entry point with a console of their own.
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Piped into a file or a log: keep the tables readable instead of wrapping at 80 columns.
    console.Profile.Width = 140;
}

return await SampleCli.RunAsync(args, console);
