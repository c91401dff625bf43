using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static BillingKit.Invoicing.Tests.Sample;

namespace BillingKit.Invoicing.Tests;

public class InvoiceServiceTests
{
    [Fact]
    public async Task Finalizing_assigns_consecutive_numbers_from_the_configured_format()
    {
        using var bed = new TestBed();
        var first = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(89m)));
        var second = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(49m)));

        Assert.Null(first.Number);
        Assert.Equal("INV-2026-00001", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, first.Id)).Number);
        Assert.Equal("INV-2026-00002", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, second.Id)).Number);
    }

    [Fact]
    public async Task Each_tenant_and_each_year_has_its_own_series()
    {
        using var bed = new TestBed(o => o.NumberFormat = "{yy}{MM}-{seq:000}");
        var other = TenantId.From("globex");
        var a = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(1m)));
        var b = await bed.Invoices.CreateDraftAsync(other, NewInvoice(Line(1m)));
        var c = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(1m)) with { InvoiceDate = new LocalDate(2026, 2, 1) });

        Assert.Equal("2601-001", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, a.Id)).Number);
        Assert.Equal("2601-001", (await bed.Invoices.FinalizeAsync(other, b.Id)).Number);
        Assert.Equal("2602-001", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, c.Id)).Number);
    }

    [Fact]
    public async Task A_refused_finalization_consumes_no_number()
    {
        using var bed = new TestBed();
        var empty = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice());
        await Assert.ThrowsAsync<InvoiceValidationException>(async () => await bed.Invoices.FinalizeAsync(TestBed.Tenant, empty.Id));

        var real = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(5m)));
        Assert.Equal("INV-2026-00001", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, real.Id)).Number);
    }

    [Fact]
    public async Task A_number_taken_in_a_discarded_unit_is_reused()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(5m)));
        await using (var unit = await bed.Units.BeginAsync(TestBed.Tenant))
        {
            Assert.Equal("INV-2026-00001", (await bed.Invoices.FinalizeAsync(unit, draft.Id)).Number);
        }

        Assert.Equal(InvoiceStatus.Draft, (await bed.Invoices.GetAsync(TestBed.Tenant, draft.Id))!.Status);
        Assert.Equal("INV-2026-00001", (await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id)).Number);
    }

    [Fact]
    public async Task Editing_a_finalized_invoice_is_refused_and_nothing_is_written()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(5m)));
        var edited = await bed.Invoices.EditDraftAsync(TestBed.Tenant, draft.Id, d => d.AddLine(Line(7m)).WithMemo("Thanks"));
        Assert.Equal(Usd(12m), edited.Total);
        var open = await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id);

        await Assert.ThrowsAsync<InvoiceStateException>(async () => await bed.Invoices.EditDraftAsync(TestBed.Tenant, draft.Id, d => d.AddLine(Line(1m))));
        Assert.Equal(open, await bed.Invoices.GetAsync(TestBed.Tenant, draft.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await bed.Invoices.EditDraftAsync(TestBed.Tenant, (await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(1m)))).Id, d => d.FinalizeAs("MINE-1", bed.Clock.Now)));
    }

    [Fact]
    public async Task Recording_the_same_payment_twice_records_it_once()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(100m)));
        await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id);
        var payment = PaymentId.From("pay_1");

        var first = await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, draft.Id, payment, Usd(40m));
        var retry = await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, draft.Id, payment, Usd(40m));

        Assert.False(first.AlreadyRecorded);
        Assert.True(retry.AlreadyRecorded);
        Assert.Equal(Usd(60m), retry.Invoice.AmountRemaining);
        Assert.Single(await bed.Invoices.GetPaymentsAsync(TestBed.Tenant, draft.Id));
        await Assert.ThrowsAsync<InvoiceValidationException>(async () => await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, draft.Id, payment, Usd(41m)));
    }

    [Fact]
    public async Task Paying_a_void_invoice_is_refused_and_nothing_is_written()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(100m)));
        await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id);
        await bed.Invoices.VoidAsync(TestBed.Tenant, draft.Id);

        await Assert.ThrowsAsync<InvoiceStateException>(async () => await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, draft.Id, PaymentId.From("pay_1"), Usd(10m)));
        Assert.Empty(await bed.Invoices.GetPaymentsAsync(TestBed.Tenant, draft.Id));
        Assert.True((await bed.Invoices.GetAsync(TestBed.Tenant, draft.Id))!.AmountPaid.IsZero);
    }

    [Fact]
    public async Task Credit_notes_are_numbered_in_their_own_series_and_issued_once()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(100m)));
        await bed.Invoices.FinalizeAsync(TestBed.Tenant, draft.Id);
        await bed.Invoices.RecordPaymentAsync(TestBed.Tenant, draft.Id, PaymentId.From("pay_1"), Usd(100m));
        var request = new CreditNoteRequest(CreditNoteId.From("cn_1"), Usd(25m), Usd(25m), Usd(0m), Usd(0m), "Service outage");

        var issued = await bed.Invoices.IssueCreditNoteAsync(TestBed.Tenant, draft.Id, request);
        var again = await bed.Invoices.IssueCreditNoteAsync(TestBed.Tenant, draft.Id, request);

        Assert.Equal("CN-2026-00001", issued.CreditNote.Number);
        Assert.True(again.AlreadyIssued);
        Assert.Equal(Usd(25m), (await bed.Invoices.GetAsync(TestBed.Tenant, draft.Id))!.AmountCredited);
        Assert.Single(await bed.Invoices.GetCreditNotesAsync(TestBed.Tenant, draft.Id));
    }

    [Fact]
    public async Task A_manual_invoice_gets_the_default_payment_instructions()
    {
        using var bed = new TestBed(o => o.ManualPaymentInstructions = "Wire to Zenith Bank 1012345678 quoting the invoice number.");
        var invoice = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(25_000m)) with { CollectionMethod = CollectionMethod.Manual });

        Assert.Equal(CollectionMethod.Manual, invoice.CollectionMethod);
        Assert.Contains("Zenith", invoice.PaymentInstructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_filters_by_number_customer_status_dates_and_group_and_pages()
    {
        using var bed = new TestBed();
        var other = CustomerId.From("cus_other");
        for (var i = 0; i < 5; i++)
        {
            var d = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(10m)) with { InvoiceDate = new LocalDate(2026, 1, 1 + i) });
            await bed.Invoices.FinalizeAsync(TestBed.Tenant, d.Id);
        }

        await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(10m)) with { CustomerId = other });

        var all = await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { PageSize = 2 });
        Assert.Equal(6, all.TotalCount);
        Assert.Equal(2, all.Items.Count);
        Assert.True(all.HasMore);
        Assert.Equal("INV-2026-00005", all.Items[0].Number);

        Assert.Equal("INV-2026-00003", Assert.Single((await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { Number = "00003" })).Items).Number);
        Assert.Single((await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { CustomerId = other })).Items);
        Assert.Single((await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { Status = InvoiceStatus.Draft })).Items);
        Assert.Equal(2, (await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { InvoiceDateFrom = new LocalDate(2026, 1, 2), InvoiceDateTo = new LocalDate(2026, 1, 3) })).TotalCount);
        Assert.Equal(0, (await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { BillingGroupId = BillingGroupId.From("grp_none") })).TotalCount);
        Assert.Equal(0, (await bed.Invoices.SearchAsync(TenantId.From("nobody"), new InvoiceQuery())).TotalCount);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await bed.Invoices.SearchAsync(TestBed.Tenant, new InvoiceQuery { PageSize = 0 }));
    }

    [Fact]
    public void Numbers_are_unique_and_gapless_under_parallel_issuance() =>
        PropertyTest.Check(Prop.ForAll(Gen.Choose(1, 24).ToArbitrary(), Gen.ListOf(Gen.Elements(true, false)).ToArbitrary(), (count, discards) =>
        {
            using var bed = new TestBed();
            var drafts = Enumerable.Range(0, count)
                .Select(_ => bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(1m))).AsTask().GetAwaiter().GetResult())
                .ToArray();
            var discard = discards.Concat(Enumerable.Repeat(false, count)).Take(count).ToArray();

            // Every draft is finalized in parallel; some units are first begun, numbered and thrown away.
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                if (discard[i])
                {
                    var unit = bed.Units.BeginAsync(TestBed.Tenant).AsTask().GetAwaiter().GetResult();
                    _ = bed.Invoices.FinalizeAsync(unit, drafts[i].Id).AsTask().GetAwaiter().GetResult();
                    unit.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }

                bed.Invoices.FinalizeAsync(TestBed.Tenant, drafts[i].Id).AsTask().GetAwaiter().GetResult();
            });

            var numbers = drafts.Select(d => bed.Invoices.GetAsync(TestBed.Tenant, d.Id).AsTask().GetAwaiter().GetResult()!.Number!).Order(StringComparer.Ordinal).ToArray();
            var expected = Enumerable.Range(1, count).Select(n => $"INV-2026-{n:00000}").ToArray();
            return numbers.SequenceEqual(expected);
        }), cases: 1000);

    [Fact]
    public void Invalid_options_fail_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddInvoicing(o =>
        {
            o.NumberFormat = "INV-{yyyy}";
            o.TimeZoneId = "Mars/Olympus";
            o.RollingSchedulePeriods = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InvoicingOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("{seq}", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RollingSchedulePeriods", StringComparison.Ordinal));
    }

    [Fact]
    public void AddInvoicing_twice_is_harmless_and_registered_stores_win()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddInvoicing().AddInvoicing();

        Assert.Single(services, d => d.ServiceType == typeof(IInvoiceStore));
        Assert.Single(services, d => d.ServiceType == typeof(InvoiceService));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<InvoicingOptions>));
    }
}
