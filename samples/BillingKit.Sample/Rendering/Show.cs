using System.Globalization;
using BillingKit.Dunning;
using BillingKit.Ledger;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>Formatting shared by every command: money, dates, states and their colours.</summary>
internal static class Show
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    private static readonly InstantPattern MomentPattern = InstantPattern.CreateWithInvariantCulture("yyyy'-'MM'-'dd HH':'mm");

    public static string Money(Money amount) => Markup.Escape(amount.ToDisplayString(Culture));

    public static string Money(Money? amount) => amount is { } value ? Money(value) : "-";

    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Moment(Instant instant) => MomentPattern.Format(instant) + " UTC";

    public static string Moment(Instant? instant) => instant is { } value ? Moment(value) : "-";

    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? "-" : Markup.Escape(value);

    public static string State(DunningState state) => state switch
    {
        DunningState.Active or DunningState.Trialing => $"[green]{state}[/]",
        DunningState.PastDue => $"[yellow]{state}[/]",
        DunningState.Degraded or DunningState.Restricted => $"[darkorange]{state}[/]",
        _ => $"[red]{state}[/]",
    };

    public static string Access(AccessLevel level) => level switch
    {
        AccessLevel.Full => "[green]Full[/]",
        AccessLevel.Warned => "[yellow]Warned[/]",
        AccessLevel.Limited => "[darkorange]Limited[/]",
        _ => "[red]Blocked[/]",
    };

    public static string PaymentState(PaymentStatus status) => status switch
    {
        PaymentStatus.Paid => "[green]Paid[/]",
        PaymentStatus.Failed => "[red]Failed[/]",
        PaymentStatus.Cancelled => "[grey]Cancelled[/]",
        _ => $"[yellow]{status}[/]",
    };

    public static string Allowed(bool allowed) => allowed ? "[green]allowed[/]" : "[red]denied[/]";

    /// <summary>A table in the sample's style.</summary>
    public static Table Table(string? title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        if (title is not null)
        {
            table.Title($"[bold]{Markup.Escape(title)}[/]");
        }

        foreach (var column in columns)
        {
            var right = column.StartsWith('>');
            var header = right ? column[1..] : column;
            var tableColumn = new TableColumn($"[bold]{Markup.Escape(header)}[/]");
            table.AddColumn(right ? tableColumn.RightAligned() : tableColumn);
        }

        return table;
    }

    /// <summary>A one-line success message.</summary>
    public static void Done(IAnsiConsole console, string markup) => console.MarkupLine($"[green]✔[/] {markup}");

    /// <summary>A one-line refusal (a result BillingKit returned, not an error).</summary>
    public static void Refused(IAnsiConsole console, string markup) => console.MarkupLine($"[yellow]✘ Refused:[/] {markup}");

    /// <summary>Who is acting, printed before each desk action.</summary>
    public static void Acting(IAnsiConsole console, Actor actor) =>
        console.MarkupLine($"[grey]Acting as {Markup.Escape(actor.DisplayName ?? actor.Id)} ({actor.Role}) at the billing desk[/]");
}
