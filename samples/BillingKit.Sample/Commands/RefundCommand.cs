using System.CommandLine;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>refund</c>: gives money back on a payment through the desk's <see cref="RefundDesk"/>.</summary>
internal static class RefundCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var amount = SampleArguments.Amount("How much to refund, in the tenant's currency (for example 30.00)");
        var reason = SampleArguments.Reason();
        var payment = new Option<string?>("--payment") { Description = "The payment to refund (default: the tenant's latest refundable payment)" };
        var cause = new Option<string>("--cause") { Description = "Why, for the refund policy: customer-request, technical-error, duplicate-charge, accidental-renewal, service-issue, goodwill", DefaultValueFactory = _ => "customer-request" };
        var command = new Command("refund", "Refund (part of) a payment: permission, refund policy, provider refund and ledger entry with an audit record") { tenant, amount, reason, payment, cause };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var money = DeskSession.Amount(parse.GetValue(amount), SampleCatalog.Currency);
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            var paymentId = parse.GetValue(payment) is { } id ? PaymentId.From(id) : await LatestRefundableAsync(session.Host, found, cancellationToken);
            Show.Acting(session.Console, session.Operator);
            var result = await session.Host.Get<RefundDesk>().RefundAsync(request, paymentId, money, Choice.Parse<RefundCause>(parse.GetRequiredValue(cause), "cause"), cancellationToken);
            return Render(session.Console, result);
        }));
        return command;
    }

    public static async Task<PaymentId> LatestRefundableAsync(SampleHost host, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var page = await host.Get<LedgerService>().QueryPaymentsAsync(tenant.Id,
            new PaymentQuery { Statuses = [PaymentStatus.Paid], SortBy = PaymentSort.DueDate, Descending = true, PageSize = 20 }, cancellationToken);
        return page.Items.FirstOrDefault(p => p.Refundable.IsPositive)?.Id
            ?? throw new SampleInputException($"Tenant '{tenant.Id}' has no paid payment with anything left to refund.");
    }

    public static int Render(IAnsiConsole console, RefundResult result)
    {
        var policy = result.Verdict is { } verdict ? $" [grey](policy {Markup.Escape(verdict.Rule)}: {verdict.Decision})[/]" : string.Empty;
        switch (result.Outcome)
        {
            case RefundOutcome.Refunded:
                Show.Done(console, $"Refunded {Show.Money(result.Requested)} of payment {Markup.Escape(result.Payment.Value)} (refundable before: {Show.Money(result.RefundableBefore)}){policy}"
                    + (result.Refund?.ProviderRefundId is { } refundId ? $", provider refund {Markup.Escape(refundId)}" : string.Empty));
                return ExitCodes.Success;
            case RefundOutcome.Pending:
                console.MarkupLine($"[yellow]… Pending:[/] {Markup.Escape(result.Explanation)}{policy}");
                return ExitCodes.Success;
            default:
                Show.Refused(console, $"{Markup.Escape(result.Explanation)}{policy}");
                return ExitCodes.Refused;
        }
    }
}
