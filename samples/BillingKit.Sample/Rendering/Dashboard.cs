using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>The tenants dashboard: the desk's monitoring report (MRR, subscription and tenant status) with balances and quota use beside it.</summary>
internal static class Dashboard
{
    public static async Task RenderAsync(IAnsiConsole console, SampleHost host, Actor actor, CancellationToken cancellationToken)
    {
        var report = await host.Get<BillingReports>().GetMonitoringAsync(actor, cancellationToken);
        var extras = await TenantOverview.LoadAsync(host, cancellationToken);
        Render(console, report, extras);
    }

    public static void Render(IAnsiConsole console, BillingMonitoringReport report, IReadOnlyDictionary<TenantId, TenantOverview> extras)
    {
        var mrr = report.Mrr.FirstOrDefault(m => m.Currency == SampleCatalog.Currency);
        var due = extras.Values.Select(r => r.AmountDue).Aggregate(Money.Zero(SampleCatalog.Currency), (a, b) => a + b);
        var atRisk = report.Tenants.Where(r => r.Status == TenantBillingStatus.PastDue)
            .SelectMany(r => r.Mrr)
            .Aggregate(Money.Zero(SampleCatalog.Currency), (a, b) => a + b);

        console.Write(new Rule($"[bold]Tenants dashboard[/] [grey]({Show.Moment(report.AsOf)})[/]").LeftJustified());
        var summary = new Grid().AddColumn().AddColumn().AddColumn().AddColumn().AddColumn();
        summary.AddRow(
            new Markup($"[grey]MRR[/]\n[bold green]{Show.Money(mrr)}[/]"),
            new Markup($"[grey]ARR[/]\n[bold]{Show.Money(mrr.Multiply(12))}[/]"),
            new Markup($"[grey]Subscriptions[/]\n[bold]{report.Subscriptions.Active} active[/], {report.Subscriptions.PastDue} past due"),
            new Markup($"[grey]Outstanding[/]\n[bold yellow]{Show.Money(due)}[/]"),
            new Markup($"[grey]MRR past due[/]\n[bold red]{Show.Money(atRisk)}[/]"));
        console.Write(new Panel(summary).Header("MRR summary").Border(BoxBorder.Rounded).BorderColor(Color.Grey));

        var breakdown = new BreakdownChart().Width(60);
        foreach (var group in report.Tenants.GroupBy(r => r.Dunning?.ToString() ?? r.Status.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            breakdown.AddItem(group.Key, group.Count(), ColorOf(group.Key));
        }

        console.Write(new Panel(breakdown).Header("Status breakdown (tenants by dunning state)").Border(BoxBorder.Rounded).BorderColor(Color.Grey));

        var table = Show.Table("Tenants", "Tenant", "Plan", ">MRR", "Status", "Dunning", "Access", "Last paid", ">Due", ">Credit", ">Verifications");
        foreach (var row in report.Tenants.OrderBy(r => r.Tenant.Value, StringComparer.Ordinal))
        {
            var extra = extras.GetValueOrDefault(row.Tenant);
            table.AddRow(
                $"[bold]{Markup.Escape(row.Tenant.Value)}[/]\n[grey]{Markup.Escape(row.Name)}[/]",
                Markup.Escape(row.Plan?.Value ?? "-"),
                row.Mrr.Count == 0 ? "[grey]-[/]" : string.Join("\n", row.Mrr.Select(Show.Money)),
                row.Status == TenantBillingStatus.Active ? "[green]Active[/]" : $"[yellow]{row.Status}[/]",
                row.Dunning is { } state ? Show.State(state) : "-",
                extra is null ? "-" : Show.Access(extra.Access),
                row.LastPaymentDate is { } paid ? Show.Date(paid) : "-",
                extra is null || extra.AmountDue.IsZero ? "[grey]-[/]" : $"[yellow]{Show.Money(extra.AmountDue)}[/]",
                extra is null || extra.CreditBalance.IsZero ? "[grey]-[/]" : Show.Money(extra.CreditBalance),
                extra is null ? "-" : Usage(extra));
        }

        console.Write(table);
    }

    private static string Usage(TenantOverview row)
    {
        if (row.VerificationsLimit is not { } limit)
        {
            return $"{Show.Number(row.VerificationsUsed)} / unlimited";
        }

        var text = $"{Show.Number(row.VerificationsUsed)} / {Show.Number(limit)}";
        return row.VerificationsUsed >= limit ? $"[red]{text}[/]" : row.VerificationsUsed * 10 >= limit * 9 ? $"[yellow]{text}[/]" : text;
    }

    private static Color ColorOf(string state) => state switch
    {
        "Active" or "Trialing" => Color.Green,
        "PastDue" => Color.Yellow,
        "Degraded" or "Restricted" => Color.DarkOrange,
        _ => Color.Red,
    };
}
