using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using NodaTime;
using Spectre.Console;

namespace BillingKit.Sample.Demo;

/// <summary>Writes the demo's story: a heading per simulated day and one line per thing that happened.</summary>
internal sealed class DemoLog(IAnsiConsole console)
{
    public void Day(LocalDate day, string title) =>
        console.Write(new Rule($"[bold]{day.ToString("ddd d MMM yyyy", Show.Culture)}[/] [grey]{Markup.Escape(title)}[/]").LeftJustified().RuleStyle("grey"));

    public void Line(string tenant, string markup, bool problem = false) =>
        console.MarkupLine($"  {(problem ? "[red]●[/]" : "[green]●[/]")} [bold]{Markup.Escape(tenant),-9}[/] {markup}");

    public void Notes(IEnumerable<BillingNote> notes)
    {
        foreach (var note in notes)
        {
            Line(note.Tenant.Value, Markup.Escape(note.Text), note.IsProblem);
        }
    }

    public void Desk(string markup) => console.MarkupLine($"    [blue]desk[/] {markup}");

    public void Aside(string markup) => console.MarkupLine($"    [grey]{markup}[/]");
}
