using BillingKit.Sample.Commands;
using BillingKit.Sample.Rendering;

namespace BillingKit.Sample.Demo;

/// <summary>The demo month.</summary>
internal sealed class DemoScript(DeskSession session)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Dashboard.RenderAsync(session.Console, session.Host, session.Operator, cancellationToken);
        return ExitCodes.Success;
    }
}
