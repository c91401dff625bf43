using System.CommandLine;
using BillingKit.Operations;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>po-review</c>: the purchase-order review queue, and approving or rejecting one, through the desk's <see cref="PurchaseOrderDesk"/>.</summary>
internal static class PoReviewCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's orders" };
        var approve = new Option<string?>("--approve") { Description = "Approve the order with this number" };
        var reject = new Option<string?>("--reject") { Description = "Reject the order with this number (the reason goes to the customer)" };
        var reason = SampleArguments.Reason();
        var command = new Command("po-review", "List purchase orders waiting for review, or approve or reject one") { tenant, approve, reject, reason };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var filter = parse.GetValue(tenant) is { } id ? DeskSession.Tenant(id).Id : (TenantId?)null;
            var desk = session.Host.Get<PurchaseOrderDesk>();
            var queue = await desk.GetReviewQueueAsync(session.Operator, filter, cancellationToken);
            var (number, approving) = (parse.GetValue(approve), parse.GetValue(reject)) switch
            {
                ({ } a, null) => (a, true),
                (null, { } r) => (r, false),
                (null, null) => ((string?)null, false),
                _ => throw new SampleInputException("Give either --approve or --reject, not both."),
            };
            if (number is null)
            {
                Render(session.Console, queue);
                return ExitCodes.Success;
            }

            var item = queue.FirstOrDefault(i => string.Equals(i.Order.Number, number, StringComparison.OrdinalIgnoreCase))
                ?? throw new SampleInputException($"No purchase order '{number}' is waiting for review. Waiting: {(queue.Count == 0 ? "none" : string.Join(", ", queue.Select(i => i.Order.Number)))}.");
            var request = new DeskRequest(session.Operator, item.Tenant, parse.GetValue(reason) ?? string.Empty);
            Show.Acting(session.Console, session.Operator);
            var order = approving
                ? await desk.ApproveAsync(request, item.Order.Id, cancellationToken)
                : await desk.RejectAsync(request, item.Order.Id, cancellationToken);
            Show.Done(session.Console, $"Purchase order [bold]{Markup.Escape(order.Number)}[/] of {Markup.Escape(item.TenantName)} ({Show.Money(order.Amount)}) is now {order.Status}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, IReadOnlyList<PurchaseOrderReviewItem> queue)
    {
        if (queue.Count == 0)
        {
            Show.Done(console, "No purchase orders are waiting for review.");
            return;
        }

        var table = Show.Table("Purchase orders waiting for review", "Tenant", "Number", ">Amount", "Valid", "Reference", "Submitted");
        foreach (var item in queue)
        {
            var order = item.Order;
            table.AddRow($"[bold]{Markup.Escape(item.Tenant.Value)}[/]\n[grey]{Markup.Escape(item.TenantName)}[/]", Markup.Escape(order.Number), Show.Money(order.Amount),
                $"{Show.Date(order.ValidFrom)} to {Show.Date(order.ValidUntil)}", Show.Text(order.Reference), Show.Moment(order.SubmittedAt));
        }

        console.Write(table);
    }
}
