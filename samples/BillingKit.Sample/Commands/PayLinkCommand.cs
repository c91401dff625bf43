using System.CommandLine;
using BillingKit.Invoicing;
using BillingKit.Operations;
using BillingKit.Providers;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary>
/// <c>pay-link</c>: the pay link to hosted checkout flow. The operator issues a pay link for an invoice through the
/// desk's <see cref="PayLinkDesk"/>; the host's <see cref="PaymentPage"/> verifies it and opens the card provider's
/// hosted checkout through <see cref="CheckoutDesk"/> as the system; with <c>--simulate-payment</c> the customer pays
/// there and the provider's payment event marks the pending payment and the invoice paid.
/// </summary>
internal static class PayLinkCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var number = new Argument<string>("invoice-number") { Description = "The invoice to pay (for example INV-2026-00002)" };
        var reason = SampleArguments.Reason();
        var provider = new Option<string>("--provider")
        {
            Description = "Whose hosted checkout the payment page opens: simcard (the sample's card provider) or offline (which hosts none)",
            DefaultValueFactory = _ => SimulatedCardProvider.Name.ToString(),
        };
        var simulate = new Option<bool>("--simulate-payment") { Description = "Let the customer pay on the checkout page; the provider's payment event then marks the invoice paid" };
        var command = new Command("pay-link", "Issue a pay link for an invoice, open the provider's hosted checkout from it as the payment page does, and optionally let the customer pay")
        {
            tenant, number, reason, provider, simulate,
        };
        command.SetAction(runner.Action((session, parse, cancellationToken) => RunAsync(
            session, parse.GetRequiredValue(tenant), parse.GetRequiredValue(number), parse.GetValue(reason), parse.GetRequiredValue(provider), parse.GetValue(simulate), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(DeskSession session, string tenantId, string invoiceNumber, string? reason, string providerName, bool simulatePayment, CancellationToken cancellationToken)
    {
        var found = DeskSession.Tenant(tenantId);
        var gateway = Provider(providerName);
        var invoice = await InvoicePdfCommand.FindAsync(session.Host, found, invoiceNumber, cancellationToken);
        var request = new DeskRequest(session.Operator, found.Id, reason ?? string.Empty);
        Show.Acting(session.Console, session.Operator);

        // The desk: staff issue the link (it goes to the customer by email or on the invoice).
        var link = await session.Host.Get<PayLinkDesk>().IssueAsync(request, invoice.Id, cancellationToken);
        Show.Done(session.Console, $"Pay link {Markup.Escape(link.Claims.LinkId)} issued for invoice {Markup.Escape(invoice.Number ?? invoice.Id.Value)} of {Markup.Escape(found.Name)} "
            + $"({Show.Money(invoice.AmountRemaining)} to pay, {invoice.Status}), valid until {Show.Moment(link.Claims.ExpiresAt)}:");

        // Written as is, not through Spectre, so a long token is never wrapped and the address can be copied.
        await session.Console.Profile.Out.Writer.WriteLineAsync("  " + PaymentPage.LinkFor(link).AbsoluteUri);

        // The host's payment page: the customer opens the link.
        var page = new PaymentPage(session.Host);
        var visit = await page.OpenAsync(link.Token, gateway, cancellationToken);
        session.Console.MarkupLine($"[grey]The customer opens the link: the payment page verifies it ({visit.Verification.Status}) and opens the {Markup.Escape(gateway.ToString())} checkout as the system.[/]");
        if (visit.Checkout is not { Outcome: HostedCheckoutOutcome.Opened, Checkout: { } checkout, Payment: { } pending } opened)
        {
            Show.Refused(session.Console, $"{visit.Checkout?.Outcome.ToString() ?? visit.Verification.Status.ToString()}: {Markup.Escape(visit.Checkout?.Explanation ?? "the pay link does not verify.")}");
            return ExitCodes.Refused;
        }

        Show.Done(session.Console, $"Checkout {Markup.Escape(checkout.ProviderCheckoutId)} opened for {Show.Money(checkout.Amount)}: [link]{Markup.Escape(checkout.Url.AbsoluteUri)}[/]"
            + (checkout.ExpiresAt is { } expires ? $" (takes payment until {Show.Moment(expires)})" : string.Empty));
        session.Console.MarkupLine($"  Pending payment {Markup.Escape(pending.Id.Value)}: {Show.Money(pending.Amount)}, {Show.PaymentState(pending.Status)}, for invoice {Markup.Escape(pending.InvoiceNumber ?? opened.Invoice.Value)}");
        if (!simulatePayment)
        {
            session.Console.MarkupLine("[grey]The invoice stays open until the customer pays; run with --simulate-payment to let them pay on the page.[/]");
            return ExitCodes.Success;
        }

        return await CustomerPaysAsync(session, page, found.Id, checkout, cancellationToken);
    }

    /// <summary>The customer pays on the provider's page; the provider's webhook reaches the host, which hands the event to the desk.</summary>
    private static async Task<int> CustomerPaysAsync(DeskSession session, PaymentPage page, TenantId tenant, HostedCheckout checkout, CancellationToken cancellationToken)
    {
        var paid = await page.CustomerPaysAsync(tenant, checkout, cancellationToken);
        session.Console.MarkupLine($"The customer pays on the page; the provider's webhook {Markup.Escape(paid.Event.EventType)} ({Markup.Escape(paid.Event.EventId)}, charge {Markup.Escape(paid.Event.ProviderPaymentId)}) reaches the desk: {paid.Result.Outcome}"
            + (paid.Result.Note is { } note ? $" [grey]({Markup.Escape(note)})[/]" : string.Empty));
        foreach (var transition in paid.Result.Dunning?.Transitions ?? [])
        {
            session.Console.MarkupLine($"  dunning {Show.State(transition.From)} -> {Show.State(transition.To)} ({transition.Cause})");
        }

        foreach (var other in paid.Superseded)
        {
            session.Console.MarkupLine($"  [grey]expected payment {Markup.Escape(other.Id.Value)} ({Show.Money(other.Amount)}, {other.Method}) cancelled: the invoice is paid[/]");
        }

        var invoice = paid.Invoice ?? throw new InvalidOperationException($"The checkout's payment {paid.Payment.Id} names no invoice.");
        var outcome = $"Invoice {Markup.Escape(invoice.Number ?? invoice.Id.Value)} is {invoice.Status} (remaining {Show.Money(invoice.AmountRemaining)}); "
            + $"payment {Markup.Escape(paid.Payment.Id.Value)} {Show.PaymentState(paid.Payment.Status)} ({Markup.Escape(paid.Payment.ProviderReference ?? "-")})";
        if (invoice.Status != InvoiceStatus.Paid)
        {
            // The event carried our payment id and the full amount: anything but Paid is a bug in the flow.
            session.Console.MarkupLine($"[red bold]✘ Unexpected:[/] {outcome}");
            return ExitCodes.Failure;
        }

        Show.Done(session.Console, outcome);
        return ExitCodes.Success;
    }

    /// <summary>The providers the sample registers: its card provider, which hosts checkout pages, and the built-in offline one.</summary>
    private static ProviderName Provider(string name)
    {
        if (string.Equals(name, SimulatedCardProvider.Name.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return SimulatedCardProvider.Name;
        }

        if (string.Equals(name, ProviderName.Offline.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return ProviderName.Offline;
        }

        throw new SampleInputException($"Unknown provider '{name}'. The sample registers: {SimulatedCardProvider.Name} (hosts checkout pages), {ProviderName.Offline} (hosts none).");
    }
}
