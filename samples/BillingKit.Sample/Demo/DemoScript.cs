using BillingKit.Sample.Commands;
using BillingKit.Sample.Rendering;

namespace BillingKit.Sample.Demo;

/// <summary>The demo month.</summary>
internal sealed class DemoScript(DeskSession session)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rows = await TenantOverview.LoadAsync(session.Host, cancellationToken);
        Dashboard.Render(session.Console, rows, session.Host.Clock.GetCurrentInstant());
        return ExitCodes.Success;
    }
}
