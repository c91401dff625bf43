using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>
/// One tenant as the desk shows it (<see cref="DeskViews.GetBillingDetailAsync"/>: account, plan, dunning, balances,
/// subscriptions, recent invoices and payments), with its entitlements and dunning history beside it.
/// </summary>
internal static class TenantDetail
{
    public static async Task RenderAsync(IAnsiConsole console, SampleHost host, Actor actor, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var detail = await host.Get<DeskViews>().GetBillingDetailAsync(actor, tenant.Id, cancellationToken);
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]Tenant[/]", $"[bold]{Markup.Escape(detail.Account.Name)}[/] ({Markup.Escape(tenant.Id.Value)}), {Markup.Escape(tenant.Segment)}, {Markup.Escape(detail.Account.BillingEmail)}");
        facts.AddRow("[grey]Plan[/]", $"{Markup.Escape(detail.Plan?.Value ?? "-")}; collected by {Markup.Escape(detail.Provider.Value)}{(detail.ProviderCustomerId is { } id ? $" ({Markup.Escape(id)})" : string.Empty)}");
        if (detail.Dunning is { } dunning)
        {
            facts.AddRow("[grey]Dunning[/]", $"{Show.State(dunning.State)} ({dunning.Mode} contract), access {Show.Access(dunning.Access)}"
                + (dunning.Forced is { } forced ? $", [bold]forced {forced}[/]: {Show.Text(dunning.ForcedReason)}" : string.Empty)
                + (dunning.Grace > NodaTime.Duration.Zero ? $", grace {dunning.Grace.Days} days" : string.Empty));
            if (dunning.PastDueSince is { } since)
            {
                facts.AddRow("[grey]Past due since[/]", $"{Show.Moment(since)}, last decline {Show.Text(dunning.LastDeclineCode)}, retries {dunning.RetriesAttempted}, next retry {Show.Moment(dunning.NextRetryAt)}");
            }
        }

        foreach (var balances in detail.Balances)
        {
            facts.AddRow("[grey]Balances[/]", $"due [yellow]{Show.Money(balances.AmountDue)}[/], credit {Show.Money(balances.CreditBalance)}, paid {Show.Money(balances.Paid)}, refunded {Show.Money(balances.Refunded)}, credited {Show.Money(balances.Credited)}");
        }

        console.Write(new Panel(facts).Header($"Tenant {Markup.Escape(tenant.Id.Value)}").Border(BoxBorder.Rounded).BorderColor(Color.Grey));
        Payments(console, detail.RecentPayments);
        Invoices(console, detail.RecentInvoices);
        Entitlements(console, host, tenant);
        History(console, await host.Get<DunningService>().GetTransitionsAsync(tenant.Id, cancellationToken));
    }

    public static void Payments(IAnsiConsole console, IReadOnlyList<PaymentRecord> payments)
    {
        var table = Show.Table("Recent payments", "Payment", "Due", "Invoice", ">Amount", "Status", ">Refundable");
        foreach (var p in payments)
        {
            var status = Show.PaymentState(p.Status) + (p.Method is { } method ? $" [grey]{method}[/]" : string.Empty)
                + (p.Refunded.IsZero ? string.Empty : $"\n[grey]refunded {Show.Money(p.Refunded)}[/]");
            table.AddRow(Markup.Escape(p.Id.Value), Show.Date(p.DueDate), Show.Text(p.InvoiceNumber), Show.Money(p.Amount), status,
                p.Refundable.IsZero ? "-" : Show.Money(p.Refundable));
        }

        console.Write(table);
    }

    public static void Invoices(IAnsiConsole console, IReadOnlyList<Invoice> invoices)
    {
        var table = Show.Table("Recent invoices", "Number", "Date", "Due", ">Total", ">Remaining", "Status");
        foreach (var i in invoices)
        {
            table.AddRow(Show.Text(i.Number), Show.Date(i.InvoiceDate), Show.Date(i.DueDate), Show.Money(i.Total),
                i.AmountRemaining.IsZero ? "-" : $"[yellow]{Show.Money(i.AmountRemaining)}[/]",
                (i.Status == InvoiceStatus.Paid ? "[green]Paid[/]" : i.Status.ToString())
                + (i.PurchaseOrderNumber is { } po ? $" [grey]{Markup.Escape(po)}[/]" : string.Empty));
        }

        console.Write(table);
    }

    public static void Entitlements(IAnsiConsole console, SampleHost host, SampleTenant tenant)
    {
        var service = host.Get<EntitlementService>();
        var table = Show.Table("Entitlements", "Metric", ">Plan", ">Override", ">Grace", ">Limit", ">Used", "One more");
        foreach (var metric in SampleCatalog.PlanOf(tenant).Quotas.Keys.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var why = service.Explain(tenant.Id, metric);
            var grace = why.ActiveGraceAllowances.Sum(g => g.ExtraUnits);
            table.AddRow(
                Markup.Escape(metric.DisplayName),
                QuotaText(why.PlanQuota),
                why.Override is { } o ? $"[bold]{QuotaText(o.Quota)}[/]" : "-",
                grace == 0 ? "-" : $"+{Show.Number(grace)} until {Show.Moment(why.ActiveGraceAllowances.Min(g => g.ExpiresAt))}",
                QuotaText(why.EffectiveLimit),
                Show.Number(why.Usage),
                why.Decision.IsAllowed ? Show.Allowed(true) : $"{Show.Allowed(false)} ({why.Decision.Reason})");
        }

        console.Write(table);
    }

    public static string QuotaText(Quota? quota) => quota is not { } q ? "-" : q.IsUnlimited ? "unlimited" : Show.Number(q.Limit);

    private static void History(IAnsiConsole console, IReadOnlyList<DunningTransition> transitions)
    {
        if (transitions.Count == 0)
        {
            return;
        }

        var history = Show.Table("Dunning history", "When", "From", "To", "Cause", "Detail");
        foreach (var t in transitions)
        {
            history.AddRow(Show.Moment(t.At), Show.State(t.From), Show.State(t.To), t.Cause.ToString(), Show.Text(t.Detail));
        }

        console.Write(history);
    }
}
