using Spectre.Console;

namespace BillingKit.Sample.Tests;

/// <summary>Runs the sample's command line in process with a plain-text console, and keeps what it printed.</summary>
internal sealed record SampleRun(int ExitCode, string Output)
{
    public static async Task<SampleRun> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var exitCode = await SampleCli.RunAsync(args, console);
        return new SampleRun(exitCode, writer.ToString());
    }

    public void ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"Expected exit code 0 but got {ExitCode}. Output:\n{Output}");
        AssertNoStackTrace();
    }

    public void ShouldFail(int exitCode, string message)
    {
        Assert.True(ExitCode == exitCode, $"Expected exit code {exitCode} but got {ExitCode}. Output:\n{Output}");
        Assert.Contains(message, Output, StringComparison.Ordinal);
        AssertNoStackTrace();
    }

    private void AssertNoStackTrace()
    {
        Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", Output, StringComparison.Ordinal);
    }
}
