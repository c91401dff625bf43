using System.CommandLine;
using BillingKit.Invoicing;
using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>invoice</c>: a manual (offline) invoice through the desk's <see cref="InvoiceDesk"/>.</summary>
internal static class InvoiceCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var description = new Option<string>("--description") { Description = "What the line is for", Required = true };
        var amount = SampleArguments.Amount("The unit price, in the tenant's currency");
        var quantity = new Option<decimal>("--quantity") { Description = "How many units", DefaultValueFactory = _ => 1m };
        var po = new Option<string?>("--po") { Description = "A purchase order number to draw on (it must be approved)" };
        var terms = new Option<string>("--terms") { Description = "Payment terms: net30, net14, net7 or due-on-receipt", DefaultValueFactory = _ => "net30" };
        var reason = SampleArguments.Reason();
        var command = new Command("invoice", "Create, number and charge a manual invoice (paid later by wire, check or cash)") { tenant, description, amount, quantity, po, terms, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            var price = DeskSession.Amount(parse.GetValue(amount), SampleCatalog.Currency);
            var request = new DeskRequest(session.Operator, found.Id, parse.GetValue(reason) ?? string.Empty);
            var order = parse.GetValue(po) is { } number ? await FindOrderAsync(session.Host, found, number, cancellationToken) : null;
            Show.Acting(session.Console, session.Operator);
            var invoice = await session.Host.Get<InvoiceDesk>().CreateManualInvoiceAsync(request,
                new NewInvoice(found.Customer, new InvoiceParty(found.Name, Email: $"billing@{found.Id.Value}.example"), price.Currency,
                    session.Host.Clock.GetCurrentInstant().InUtc().Date, Terms(parse.GetRequiredValue(terms)))
                {
                    Lines = [InvoiceLine.Create(parse.GetRequiredValue(description), price, parse.GetValue(quantity))],
                    PurchaseOrderId = order?.Id,
                }, cancellationToken);
            Show.Done(session.Console, $"Invoice [bold]{Markup.Escape(invoice.Number ?? "-")}[/] for {Show.Money(invoice.Total)}, due {Show.Date(invoice.DueDate)}"
                + (order is null ? string.Empty : $", drawn on {Markup.Escape(order.Number)}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static async Task<PurchaseOrder> FindOrderAsync(SampleHost host, SampleTenant tenant, string number, CancellationToken cancellationToken)
    {
        var orders = await host.Get<PurchaseOrderService>().ListAsync(tenant.Id, cancellationToken: cancellationToken);
        return orders.FirstOrDefault(o => string.Equals(o.Number, number, StringComparison.OrdinalIgnoreCase))
            ?? throw new SampleInputException($"Tenant '{tenant.Id}' has no purchase order '{number}'."
                + (orders.Count == 0 ? string.Empty : $" Its orders: {string.Join(", ", orders.Select(o => $"{o.Number} ({o.Status})"))}."));
    }

    private static PaymentTerms Terms(string text)
    {
        if (string.Equals(text, "due-on-receipt", StringComparison.OrdinalIgnoreCase))
        {
            return PaymentTerms.DueOnReceipt;
        }

        var digits = text.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? text[3..].Trim() : string.Empty;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is > 0 and <= PaymentTerms.MaxDays
            ? PaymentTerms.Net(days)
            : throw new SampleInputException($"Unknown payment terms '{text}'. Use net30, net14, net7 or due-on-receipt.");
    }
}
