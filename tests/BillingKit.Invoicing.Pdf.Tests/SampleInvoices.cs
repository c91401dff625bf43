using NodaTime;

namespace BillingKit.Invoicing.Pdf.Tests;

/// <summary>Invoices built through the Invoicing model's own API, as billing staff would produce them.</summary>
internal static class SampleInvoices
{
    public static readonly TenantId Tenant = TenantId.From("ten_acme");
    public static readonly Instant Drafted = Instant.FromUtc(2026, 1, 31, 9, 0);
    public static readonly Instant Finalized = Instant.FromUtc(2026, 1, 31, 9, 30);
    public static readonly Instant PaidPartly = Instant.FromUtc(2026, 2, 10, 14, 5);
    private static readonly Currency Usd = Currency.USD;

    public static SellerDetails Seller { get; } = new("Acme Cloud Ltd")
    {
        Address = new PostalAddress("200 Harbour Street", "Floor 3", "Dublin", null, "D02 XY45", "IE"),
        Email = "billing@acme.example",
        Phone = "+353 1 555 0100",
        TaxId = "IE1234567T",
        PaymentInstructions = "Pay by bank transfer to Acme Cloud Ltd, IBAN IE29 AIBK 9311 5212 3456 78, BIC AIBKIE2D. Quote the invoice number.",
    };

    public static InvoiceParty Globex { get; } = new(
        "Globex Corporation",
        new PostalAddress("1 Globex Way", "Suite 400", "Springfield", "OR", "97403", "US"),
        "ap@globex.example",
        "US-12-3456789");

    public static BillingPeriod January { get; } = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1));

    /// <summary>A finalized invoice against a purchase order, partly paid.</summary>
    public static Invoice Regular(string number = "INV-2026-0042")
    {
        var request = new NewInvoice(CustomerId.From("cus_globex"), Globex, Usd, new LocalDate(2026, 1, 31), PaymentTerms.Net30)
        {
            PurchaseOrderNumber = "PO-77812",
            Lines =
            [
                InvoiceLine.Create("Pro plan", Money.FromMajor(89m, Usd), 1m, 0.2m) with { Period = January, ProductId = "pro", Variant = "monthly" },
                InvoiceLine.Create("Additional seats", Money.FromMajor(9.5m, Usd), 12m, 0.2m) with { Period = January },
                InvoiceLine.Create("Onboarding workshop for the finance team, remote, two sessions", Money.FromMajor(450m, Usd), 1m, 0.2m),
            ],
        };
        return Invoice.CreateDraft(InvoiceId.From("inv_0042"), Tenant, request, Drafted)
            .FinalizeAs(number, Finalized)
            .RecordPayment(Money.FromMajor(100m, Usd), PaidPartly);
    }

    /// <summary>A draft: no number yet.</summary>
    public static Invoice Draft()
    {
        var request = new NewInvoice(CustomerId.From("cus_globex"), Globex, Usd, new LocalDate(2026, 1, 31), PaymentTerms.Net30)
        {
            Lines = [InvoiceLine.Create("Pro plan", Money.FromMajor(89m, Usd))],
        };
        return Invoice.CreateDraft(InvoiceId.From("inv_draft"), Tenant, request, Drafted);
    }

    /// <summary>A consolidated invoice for a billing group of three companies, one line per subscription, finalized.</summary>
    public static Invoice Group()
    {
        var group = BillingGroup.Create(
                BillingGroupId.From("bgr_initech"),
                "Initech Holdings",
                new InvoiceParty("Bill Lumbergh", new PostalAddress("4120 Freidrich Lane", null, "Austin", "TX", "78744", "US"), "bill@initech.example"),
                "payables@initech.example",
                PaymentTerms.Net30,
                Usd,
                Drafted)
            .AddMember(new BillingGroupMember(CustomerId.From("cus_initech_austin"), "Initech Austin"))
            .AddMember(new BillingGroupMember(CustomerId.From("cus_initech_dallas"), "Initech Dallas"))
            .AddMember(new BillingGroupMember(CustomerId.From("cus_initrode"), "Initrode"));
        var members = new (string Customer, string Plan, decimal Price, decimal Seats)[]
        {
            ("cus_initech_austin", "Business plan", 249m, 1m),
            ("cus_initech_dallas", "Team plan", 59m, 3m),
            ("cus_initrode", "Business plan", 249m, 1m),
        };
        var drafts = members.Select((member, index) => Invoice.CreateDraft(
                InvoiceId.From($"inv_member_{index}"),
                Tenant,
                new NewInvoice(CustomerId.From(member.Customer), new InvoiceParty(member.Customer), Usd, new LocalDate(2026, 1, 31), PaymentTerms.Net30)
                {
                    Lines = [InvoiceLine.Create(member.Plan, Money.FromMajor(member.Price, Usd), member.Seats, 0.0825m) with { Period = January }],
                },
                Drafted))
            .ToList();
        return InvoiceConsolidation.Consolidate(InvoiceId.From("inv_group_7"), Tenant, group, drafts, new LocalDate(2026, 1, 31), Drafted)
            .FinalizeAs("GRP-2026-0007", Finalized);
    }

    /// <summary>A finalized invoice with many lines, some with long descriptions, to force page breaks.</summary>
    public static Invoice Long(int lines)
    {
        var request = new NewInvoice(CustomerId.From("cus_globex"), Globex, Usd, new LocalDate(2026, 1, 31), PaymentTerms.Net30)
        {
            Lines =
            [
                .. Enumerable.Range(1, lines).Select(i => InvoiceLine.Create(
                    i % 7 == 0
                        ? $"Usage line {i:000}: API requests above the included allowance, metered per thousand calls across all regions"
                        : $"Usage line {i:000}",
                    Money.FromMinorUnits(1_000 + i, Usd),
                    i % 3 + 1,
                    0.2m) with { Period = January }),
            ],
        };
        return Invoice.CreateDraft(InvoiceId.From("inv_long"), Tenant, request, Drafted).FinalizeAs("INV-2026-0099", Finalized);
    }
}
