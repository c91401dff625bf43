using System.CommandLine;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>record-payment</c>: money received offline against an invoice, through the desk's <see cref="PaymentDesk"/>.</summary>
internal static class RecordPaymentCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var invoice = new Option<string>("--invoice") { Description = "The invoice number paid (for example INV-2026-00002)", Required = true };
        var reference = new Option<string>("--reference") { Description = "The payer's reference: transfer id, check number", Required = true };
        var amount = new Option<decimal?>("--amount") { Description = "How much arrived (default: what the invoice still owes)" };
        var method = new Option<string>("--method") { Description = "wire, bank-transfer, check or cash", DefaultValueFactory = _ => "wire" };
        var reason = SampleArguments.Reason();
        var command = new Command("record-payment", "Record money received offline (wire, check, cash) against an invoice; settles the ledger and dunning") { tenant, invoice, reference, amount, method, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var paid = await InvoicePdfCommand.FindAsync(session.Host, found, parse.GetRequiredValue(invoice), cancellationToken);
            var money = parse.GetValue(amount) is { } value ? DeskSession.Amount(value, SampleCatalog.Currency) : paid.AmountRemaining;
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            Show.Acting(session.Console, session.Operator);
            var result = await session.Host.Get<PaymentDesk>().RecordPaymentAsync(request, paid.Id,
                new OfflinePayment(money, session.Host.Clock.GetCurrentInstant().InUtc().Date, Choice.Parse<PaymentMethod>(parse.GetRequiredValue(method), "method"), parse.GetRequiredValue(reference)),
                cancellationToken);
            Show.Done(session.Console, $"{(result.AlreadyRecorded ? "Already recorded" : "Recorded")} {Show.Money(money)} against {Markup.Escape(result.Invoice.Number ?? "-")}: invoice {result.Invoice.Status}, remaining {Show.Money(result.Invoice.AmountRemaining)}"
                + (result.Dunning is { } dunning ? $", dunning {Show.State(dunning.Snapshot.State)}" : string.Empty));
            return ExitCodes.Success;
        }));
        return command;
    }
}
