using BillingKit.Operations;
using Spectre.Console;

namespace BillingKit.Sample.Rendering;

/// <summary>The audit log as a table: who did what, to which tenant, for how much, and why.</summary>
internal static class AuditTrail
{
    public static void Render(IAnsiConsole console, string title, IReadOnlyList<AuditRecord> records)
    {
        var table = Show.Table(title, "When", "Who", "Action", "Tenant", ">Amount", "Outcome", "Reason");
        // The log answers newest first; the table reads oldest first.
        foreach (var record in records.Reverse())
        {
            table.AddRow(
                Show.Moment(record.At),
                $"{Markup.Escape(record.ActorId)}\n[grey]{record.ActorRole}[/]",
                Markup.Escape(record.Action),
                Markup.Escape(record.Tenant.Value),
                Show.Money(record.Amount),
                record.Outcome == AuditOutcome.Succeeded ? "[green]Succeeded[/]" : $"[yellow]{record.Outcome}[/]",
                Markup.Escape(record.Reason));
        }

        console.Write(table);
    }
}
