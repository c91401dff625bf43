using System.CommandLine;

namespace BillingKit.Sample.Commands;

/// <summary>Every command of the sample, in the order <c>--help</c> lists them.</summary>
internal static class DeskCommands
{
    public static IEnumerable<Command> All(CommandRunner runner)
    {
        var demo = new Command("demo", "Play a month of billing on simulated time over the seeded tenants, then show the dashboard and write an invoice PDF");
        demo.SetAction(runner.Action(DemoCommand.RunAsync));
        yield return demo;
        yield return TenantsCommand.Create(runner);
        yield return TenantCommand.Create(runner);
        yield return FailuresCommand.Create(runner);
        yield return CheckQuotaCommand.Create(runner);
        yield return InvoicePdfCommand.Create(runner);
    }
}
