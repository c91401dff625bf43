using System.CommandLine;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>credit</c>: a goodwill, promotional or correcting credit through the desk's <see cref="CreditDesk"/>.</summary>
internal static class CreditCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var amount = SampleArguments.Amount("How much to credit, in the tenant's currency (for example 10.00)");
        var reason = SampleArguments.Reason();
        var kind = new Option<string>("--kind") { Description = "goodwill, promotional or correction", DefaultValueFactory = _ => "goodwill" };
        var command = new Command("credit", "Credit a tenant's account (within the role's credit authority; above it the credit waits for approval)") { tenant, amount, reason, kind };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var money = DeskSession.Amount(parse.GetValue(amount), SampleCatalog.Currency);
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            Show.Acting(session.Console, session.Operator);
            var result = await session.Host.Get<CreditDesk>().IssueCreditAsync(request, money, Choice.Parse<CreditKind>(parse.GetRequiredValue(kind), "kind"), cancellationToken);
            Render(session.Console, found, result);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, SampleTenant tenant, CreditResult result)
    {
        if (result.Outcome == CreditOutcome.Applied)
        {
            Show.Done(console, $"{result.Kind} credit of {Show.Money(result.Amount)} applied to {Markup.Escape(tenant.Name)}");
            return;
        }

        console.MarkupLine($"[yellow]… Waiting for approval:[/] {Show.Money(result.Amount)} is above your credit authority; approval request [bold]{Markup.Escape(result.Approval?.Id ?? "-")}[/] is pending for a billing admin or super admin.");
    }
}
