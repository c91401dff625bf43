using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Turns an invoice and its seller into the strings a rendered invoice prints (<see cref="InvoiceDocument"/>). Pure:
/// the same invoice, seller and culture always give the same document; nothing reads the clock.
/// </summary>
internal static class InvoiceDocumentBuilder
{
    private const string Dash = "\u2013";

    public static InvoiceDocument Build(Invoice invoice, SellerDetails seller, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrWhiteSpace(seller.Name, nameof(seller));

        var consolidated = IsConsolidated(invoice);
        var reference = invoice.Number is { Length: > 0 } number ? number : "draft";
        var title = (invoice.Status, consolidated) switch
        {
            (InvoiceStatus.Draft, true) => "Draft consolidated invoice",
            (InvoiceStatus.Draft, false) => "Draft invoice",
            (_, true) => "Consolidated invoice",
            _ => "Invoice",
        };

        return new InvoiceDocument(
            Title: title,
            StatusLabel: StatusLabel(invoice.Status),
            SellerLines: PartyLines(seller.Name, seller.Address, seller.Email, seller.Phone, seller.TaxId),
            BuyerLines: PartyLines(invoice.Customer.Name, invoice.Customer.Address, invoice.Customer.Email, phone: null, invoice.Customer.TaxId),
            Facts: Facts(invoice, culture),
            Columns: consolidated ? ConsolidatedColumns : RegularColumns,
            Rows: [.. invoice.Lines.Select(line => Row(line, consolidated, culture))],
            Totals: Totals(invoice, culture),
            PaymentInstructions: NullIfBlank(invoice.PaymentInstructions) ?? NullIfBlank(seller.PaymentInstructions),
            Memo: NullIfBlank(invoice.Memo),
            FooterText: $"{seller.Name} \u00b7 {title} {reference}",
            ContinuationTitle: $"{title} {reference} (continued)",
            Metadata: Metadata(invoice, seller, title, reference));
    }

    internal static bool IsConsolidated(Invoice invoice) =>
        invoice.BillingGroupId is not null || invoice.Lines.Any(line => line.CustomerName is not null);

    internal static IReadOnlyList<TableColumn> RegularColumns { get; } =
    [
        new("Description", 33, RightAligned: false),
        new("Period", 19, RightAligned: false),
        new("Qty", 7, RightAligned: true),
        new("Unit price", 14, RightAligned: true),
        new("Tax", 13, RightAligned: true),
        new("Amount", 14, RightAligned: true),
    ];

    internal static IReadOnlyList<TableColumn> ConsolidatedColumns { get; } =
    [
        new("Customer", 17, RightAligned: false),
        new("Description", 23, RightAligned: false),
        new("Period", 16, RightAligned: false),
        new("Qty", 6, RightAligned: true),
        new("Unit price", 13, RightAligned: true),
        new("Tax", 11, RightAligned: true),
        new("Amount", 14, RightAligned: true),
    ];

    /// <summary>Formats a date with the culture's short date pattern.</summary>
    internal static string FormatDate(LocalDate date, CultureInfo culture) =>
        LocalDatePattern.Create(culture.DateTimeFormat.ShortDatePattern, culture).Format(date);

    /// <summary>Formats a billing period as its first and last day: the period's end is exclusive, so the last day
    /// printed is the day before it (January 1 to February 1 prints "1/1/2026 – 1/31/2026").</summary>
    internal static string FormatPeriod(BillingPeriod period, CultureInfo culture) =>
        $"{FormatDate(period.Start, culture)} {Dash} {FormatDate(period.End.PlusDays(-1), culture)}";

    internal static string FormatQuantity(decimal quantity, CultureInfo culture) =>
        quantity.ToString("#,0.##########", culture);

    internal static string FormatTaxRate(decimal taxRate, CultureInfo culture) =>
        (taxRate * 100m).ToString("0.####", culture) + "%";

    private static TableRow Row(InvoiceLine line, bool consolidated, CultureInfo culture)
    {
        var detail = string.Join(" \u00b7 ", new[] { line.ProductId, line.Variant }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var description = new TableCell(line.Description, detail.Length == 0 ? null : detail);
        var period = new TableCell(line.Period is { } billingPeriod ? FormatPeriod(billingPeriod, culture) : string.Empty);
        var quantity = new TableCell(FormatQuantity(line.Quantity, culture));
        var unitPrice = new TableCell(line.UnitPrice.ToDisplayString(culture));
        var rate = FormatTaxRate(line.TaxRate, culture) + (line.TaxMode == TaxMode.Inclusive ? " incl." : string.Empty);
        var tax = new TableCell(line.TaxAmount.ToDisplayString(culture), rate);
        var amount = new TableCell(line.Amount.ToDisplayString(culture));
        return consolidated
            ? new TableRow([new TableCell(line.CustomerName ?? string.Empty), description, period, quantity, unitPrice, tax, amount])
            : new TableRow([description, period, quantity, unitPrice, tax, amount]);
    }

    private static List<LabeledValue> Facts(Invoice invoice, CultureInfo culture)
    {
        var facts = new List<LabeledValue>
        {
            new("Invoice number", invoice.Number is { Length: > 0 } number ? number : "Assigned when finalized"),
            new("Invoice date", FormatDate(invoice.InvoiceDate, culture)),
            new("Due date", FormatDate(invoice.DueDate, culture)),
            new("Terms", invoice.Terms.ToString()),
        };
        var purchaseOrder = NullIfBlank(invoice.PurchaseOrderNumber) ?? NullIfBlank(invoice.PurchaseOrderId?.Value);
        if (purchaseOrder is not null)
        {
            facts.Add(new("Purchase order", purchaseOrder));
        }

        if (invoice.BillingGroupId is { } group)
        {
            facts.Add(new("Billing group", group.Value));
        }

        facts.Add(new("Currency", invoice.Currency.Code));
        return facts;
    }

    private static List<TotalLine> Totals(Invoice invoice, CultureInfo culture)
    {
        var totals = new List<TotalLine>
        {
            new("Subtotal", invoice.Subtotal.ToDisplayString(culture), Emphasized: false),
            new(invoice.TaxMode == TaxMode.Inclusive ? "Tax (included in prices)" : "Tax", invoice.TaxTotal.ToDisplayString(culture), Emphasized: false),
            new("Total", invoice.Total.ToDisplayString(culture), Emphasized: true),
        };
        if (!invoice.AmountPaid.IsZero)
        {
            totals.Add(new("Amount paid", invoice.AmountPaid.ToDisplayString(culture), Emphasized: false));
        }

        if (!invoice.AmountReturned.IsZero)
        {
            totals.Add(new("Refunded", invoice.AmountReturned.ToDisplayString(culture), Emphasized: false));
        }

        if (!invoice.AmountCredited.IsZero)
        {
            totals.Add(new("Credited", invoice.AmountCredited.ToDisplayString(culture), Emphasized: false));
        }

        if (invoice.Status is not InvoiceStatus.Void and not InvoiceStatus.Uncollectible)
        {
            totals.Add(new("Amount due", invoice.AmountRemaining.ToDisplayString(culture), Emphasized: true));
        }

        return totals;
    }

    private static string? StatusLabel(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "DRAFT",
        InvoiceStatus.Paid => "PAID",
        InvoiceStatus.Void => "VOID",
        InvoiceStatus.Uncollectible => "UNCOLLECTIBLE",
        _ => null,
    };

    private static List<string> PartyLines(string name, PostalAddress? address, string? email, string? phone, string? taxId)
    {
        var lines = new List<string> { name };
        if (address is not null)
        {
            lines.AddRange(address.ToLines().Where(line => !string.IsNullOrWhiteSpace(line)));
        }

        if (NullIfBlank(email) is { } mail)
        {
            lines.Add(mail);
        }

        if (NullIfBlank(phone) is { } telephone)
        {
            lines.Add(telephone);
        }

        if (NullIfBlank(taxId) is { } tax)
        {
            lines.Add("Tax ID: " + tax);
        }

        return lines;
    }

    private static DocumentMetadata Metadata(Invoice invoice, SellerDetails seller, string title, string reference)
    {
        // Dates come from the invoice, never the clock: created when finalized (or drafted), modified at the last
        // recorded change, so the same invoice always gives the same bytes.
        var created = invoice.FinalizedAt ?? invoice.CreatedAt;
        var modified = invoice.ClosedAt ?? created;
        return new DocumentMetadata(
            Title: $"{title} {reference}",
            Subject: $"{title} {reference} for {invoice.Customer.Name}",
            Author: seller.Name,
            CreationDate: PdfDate(created),
            ModificationDate: PdfDate(modified),
            DocumentId: DocumentId(invoice));
    }

    /// <summary>A PDF date string in UTC ("D:20260131120000Z"), independent of the machine's time zone.</summary>
    internal static string PdfDate(Instant instant) =>
        "D:" + InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss").Format(instant) + "Z";

    /// <summary>The PDF file identifier: the first 16 bytes of SHA-256 over the tenant and invoice id, so one invoice
    /// keeps one identifier across renders.</summary>
    internal static Guid DocumentId(Invoice invoice)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"billingkit-invoice\n{invoice.Tenant.Value}\n{invoice.Id.Value}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
