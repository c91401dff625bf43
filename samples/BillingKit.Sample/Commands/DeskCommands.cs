using System.CommandLine;

namespace BillingKit.Sample.Commands;

/// <summary>Every command of the sample, in the order <c>--help</c> lists them.</summary>
internal static class DeskCommands
{
    public static IEnumerable<Command> All(CommandRunner runner)
    {
        yield return DemoCommand.Create(runner);
        yield return TenantsCommand.Create(runner);
        yield return TenantCommand.Create(runner);
        yield return RefundCommand.Create(runner);
        yield return CreditCommand.Create(runner);
        yield return InvoiceCommand.Create(runner);
        yield return RecordPaymentCommand.Create(runner);
        yield return PayLinkCommand.Create(runner);
        yield return FailuresCommand.Create(runner);
        yield return PoReviewCommand.Create(runner);
        yield return DunningOverrideCommand.Create(runner);
        yield return GraceCommand.Create(runner);
        yield return EntitlementOverrideCommand.Create(runner);
        yield return CheckQuotaCommand.Create(runner);
        yield return InvoicePdfCommand.Create(runner);
    }
}
