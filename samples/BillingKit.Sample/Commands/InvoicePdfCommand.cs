using System.CommandLine;
using BillingKit.Invoicing;
using BillingKit.Invoicing.Pdf;
using BillingKit.Operations;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Rendering;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary><c>invoice-pdf</c>: renders one of a tenant's invoices to a PDF file.</summary>
internal static class InvoicePdfCommand
{
    public static Command Create(CommandRunner runner)
    {
        var tenant = SampleArguments.Tenant();
        var number = new Option<string?>("--invoice") { Description = "The invoice number (default: the tenant's latest invoice)" };
        var output = new Option<string?>("--out") { Description = "Where to write the PDF (default: a file in the temp folder)" };
        var command = new Command("invoice-pdf", "Render one of a tenant's invoices to a PDF and print where it went") { tenant, number, output };
        command.SetAction(runner.Action(async (session, parse, cancellationToken) =>
        {
            var found = DeskSession.Tenant(parse.GetRequiredValue(tenant));
            DeskAuthorizer.Demand(session.Operator, DeskPermission.ViewBilling);
            var invoice = await FindAsync(session.Host, found, parse.GetValue(number), cancellationToken);
            var path = await WriteAsync(session.Host, invoice, parse.GetValue(output), cancellationToken);
            Show.Done(session.Console, $"Invoice {Markup.Escape(invoice.Number ?? invoice.Id.Value)} ({Show.Money(invoice.Total)}, {invoice.Status}) written to [link]{Markup.Escape(path)}[/]");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static async Task<Invoice> FindAsync(SampleHost host, SampleTenant tenant, string? number, CancellationToken cancellationToken)
    {
        var page = await host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { Number = number, PageSize = 100 }, cancellationToken);
        var invoice = number is null
            ? page.Items.Where(i => i.IsFinalized).OrderByDescending(i => i.InvoiceDate).ThenByDescending(i => i.Number, StringComparer.Ordinal).FirstOrDefault()
            : page.Items.FirstOrDefault(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase));
        if (invoice is null)
        {
            // The search above was narrowed to the number asked for; list all of the tenant's invoices instead.
            var all = number is null ? page : await host.Get<InvoiceService>().SearchAsync(tenant.Id, new InvoiceQuery { PageSize = 100 }, cancellationToken);
            var numbers = string.Join(", ", all.Items.Where(i => i.Number is not null).Select(i => i.Number).Order(StringComparer.Ordinal));
            throw new SampleInputException(number is null
                ? $"Tenant '{tenant.Id}' has no finalized invoice yet."
                : $"Tenant '{tenant.Id}' has no invoice numbered '{number}'. Its invoices: {(numbers.Length == 0 ? "none" : numbers)}.");
        }

        return invoice;
    }

    public static async Task<string> WriteAsync(SampleHost host, Invoice invoice, string? path, CancellationToken cancellationToken)
    {
        path ??= Path.Combine(Path.GetTempPath(), "billingkit-sample", $"{invoice.Tenant.Value}-{invoice.Number ?? invoice.Id.Value}.pdf");
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = host.Get<IInvoicePdfRenderer>().Render(invoice, SampleCatalog.Seller);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return path;
    }
}
