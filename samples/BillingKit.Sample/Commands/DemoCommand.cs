using System.CommandLine;
using BillingKit.Sample.Demo;

namespace BillingKit.Sample.Commands;

/// <summary><c>demo</c> (and no command at all): plays the demo month.</summary>
internal static class DemoCommand
{
    public static Task<int> RunAsync(DeskSession session, ParseResult parse, CancellationToken cancellationToken) =>
        new DemoScript(session).RunAsync(cancellationToken);
}
