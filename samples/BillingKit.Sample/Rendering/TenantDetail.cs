using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>Everything the desk shows about one tenant: status, balances, payments, invoices, entitlements, dunning history.</summary>
internal static class TenantDetail
{
    public static async Task RenderAsync(IAnsiConsole console, SampleHost host, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var overview = await TenantOverview.LoadAsync(host, tenant, cancellationToken);
        var dunning = await host.Get<DunningService>().GetAsync(tenant.Id, cancellationToken);
        var balances = await host.Get<LedgerService>().GetBalancesAsync(tenant.Id, SampleCatalog.Currency, cancellationToken);

        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]Tenant[/]", $"[bold]{Markup.Escape(tenant.Name)}[/] ({Markup.Escape(tenant.Id.Value)}), {Markup.Escape(tenant.Segment)}");
        facts.AddRow("[grey]Plan[/]", $"{Markup.Escape(SampleCatalog.PlanOf(tenant).Name)}, MRR {Show.Money(overview.MonthlyRecurringRevenue)}");
        facts.AddRow("[grey]Dunning[/]", $"{Show.State(dunning.State)} ({dunning.Mode} contract), access {Show.Access(dunning.Access)}"
            + (dunning.Forced is { } forced ? $", [bold]forced {forced}[/]: {Show.Text(dunning.ForcedReason)}" : string.Empty));
        if (dunning.PastDueSince is { } since)
        {
            facts.AddRow("[grey]Past due since[/]", $"{Show.Moment(since)}, last decline {Show.Text(dunning.LastDeclineCode)}, retries {dunning.RetriesAttempted}, next retry {Show.Moment(dunning.NextRetryAt)}");
        }

        facts.AddRow("[grey]Balances[/]", $"due [yellow]{Show.Money(balances.AmountDue)}[/], credit {Show.Money(balances.CreditBalance)}, paid {Show.Money(balances.Paid)}, refunded {Show.Money(balances.Refunded)}, credited {Show.Money(balances.Credited)}");
        console.Write(new Panel(facts).Header($"Tenant {Markup.Escape(tenant.Id.Value)}").Border(BoxBorder.Rounded).BorderColor(Color.Grey));

        await RenderPaymentsAsync(console, host, tenant, cancellationToken);
        await RenderInvoicesAsync(console, host, tenant, cancellationToken);
        Entitlements(console, host, tenant);
        var transitions = await host.Get<DunningService>().GetTransitionsAsync(tenant.Id, cancellationToken);
        if (transitions.Count > 0)
        {
            var history = Show.Table("Dunning history", "When", "From", "To", "Cause", "Detail");
            foreach (var t in transitions)
            {
                history.AddRow(Show.Moment(t.At), Show.State(t.From), Show.State(t.To), t.Cause.ToString(), Show.Text(t.Detail));
            }

            console.Write(history);
        }
    }

    public static async Task RenderPaymentsAsync(IAnsiConsole console, SampleHost host, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var page = await host.Get<LedgerService>().QueryPaymentsAsync(tenant.Id, new PaymentQuery { PageSize = 20, Descending = true }, cancellationToken);
        var table = Show.Table("Payments", "Payment", "Due", "Invoice", "Method", ">Amount", "Status", ">Refunded", ">Refundable");
        foreach (var p in page.Items)
        {
            table.AddRow(Markup.Escape(p.Id.Value), Show.Date(p.DueDate), Show.Text(p.InvoiceNumber), p.Method?.ToString() ?? "-",
                Show.Money(p.Amount), Show.PaymentState(p.Status), p.Refunded.IsZero ? "-" : Show.Money(p.Refunded),
                p.Refundable.IsZero ? "-" : Show.Money(p.Refundable));
        }

        console.Write(table);
    }

    public static async Task RenderInvoicesAsync(IAnsiConsole console, SampleHost host, SampleTenant tenant, CancellationToken cancellationToken)
    {
        var page = await host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { PageSize = 20 }, cancellationToken);
        var table = Show.Table("Invoices", "Number", "Date", "Due", "Bill to", ">Total", ">Paid", ">Remaining", "Status");
        foreach (var i in page.Items)
        {
            table.AddRow(Show.Text(i.Number), Show.Date(i.InvoiceDate), Show.Date(i.DueDate), Markup.Escape(i.Customer.Name),
                Show.Money(i.Total), Show.Money(i.AmountPaid), i.AmountRemaining.IsZero ? "-" : $"[yellow]{Show.Money(i.AmountRemaining)}[/]",
                i.Status == InvoiceStatus.Paid ? "[green]Paid[/]" : i.Status.ToString());
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
}
