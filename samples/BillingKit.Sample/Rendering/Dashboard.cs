using BillingKit.Dunning;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>The tenants dashboard: MRR summary, status breakdown and the tenant table.</summary>
internal static class Dashboard
{
    public static void Render(IAnsiConsole console, IReadOnlyList<TenantOverview> rows, NodaTime.Instant now)
    {
        var mrr = rows.Select(r => r.MonthlyRecurringRevenue).Aggregate((a, b) => a + b);
        var due = rows.Select(r => r.AmountDue).Aggregate((a, b) => a + b);
        var atRisk = rows.Where(r => r.State is not (DunningState.Active or DunningState.Trialing))
            .Select(r => r.MonthlyRecurringRevenue)
            .Aggregate(Money.Zero(mrr.Currency), (a, b) => a + b);

        console.Write(new Rule($"[bold]Tenants dashboard[/] [grey]({Show.Moment(now)})[/]").LeftJustified());
        var summary = new Grid().AddColumn().AddColumn().AddColumn().AddColumn();
        summary.AddRow(
            new Markup($"[grey]MRR[/]\n[bold green]{Show.Money(mrr)}[/]"),
            new Markup($"[grey]ARR[/]\n[bold]{Show.Money(mrr.Multiply(12))}[/]"),
            new Markup($"[grey]Outstanding[/]\n[bold yellow]{Show.Money(due)}[/]"),
            new Markup($"[grey]MRR at risk (in dunning)[/]\n[bold red]{Show.Money(atRisk)}[/]"));
        console.Write(new Panel(summary).Header("MRR summary").Border(BoxBorder.Rounded).BorderColor(Color.Grey));

        var breakdown = new BreakdownChart().Width(60);
        foreach (var group in rows.GroupBy(r => r.State).OrderBy(g => g.Key))
        {
            breakdown.AddItem(group.Key.ToString(), group.Count(), ColorOf(group.Key));
        }

        console.Write(new Panel(breakdown).Header("Status breakdown (tenants)").Border(BoxBorder.Rounded).BorderColor(Color.Grey));

        var table = Show.Table("Tenants", "Tenant", "Plan", ">MRR", "Dunning", "Access", ">Due", ">Credit", ">Verifications");
        foreach (var row in rows)
        {
            table.AddRow(
                $"[bold]{Markup.Escape(row.Tenant.Id.Value)}[/]\n[grey]{Markup.Escape(row.Tenant.Name)}[/]",
                Markup.Escape(row.Tenant.Plan.Value),
                Show.Money(row.MonthlyRecurringRevenue),
                Show.State(row.State),
                Show.Access(row.Access),
                row.AmountDue.IsZero ? "[grey]-[/]" : $"[yellow]{Show.Money(row.AmountDue)}[/]",
                row.CreditBalance.IsZero ? "[grey]-[/]" : Show.Money(row.CreditBalance),
                Usage(row));
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

    private static Color ColorOf(DunningState state) => state switch
    {
        DunningState.Active or DunningState.Trialing => Color.Green,
        DunningState.PastDue => Color.Yellow,
        DunningState.Degraded or DunningState.Restricted => Color.DarkOrange,
        _ => Color.Red,
    };
}
