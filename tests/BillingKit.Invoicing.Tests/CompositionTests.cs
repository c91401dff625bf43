using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static BillingKit.Invoicing.Tests.Sample;

namespace BillingKit.Invoicing.Tests;

public class CompositionTests
{
    [Fact]
    public async Task Several_operations_in_one_unit_see_each_other_and_commit_together()
    {
        using var bed = new TestBed();
        InvoiceId id;
        await using (var unit = await bed.Units.BeginAsync(TestBed.Tenant))
        {
            var draft = await bed.Invoices.CreateDraftAsync(unit, NewInvoice(Line(100m)));
            var open = await bed.Invoices.FinalizeAsync(unit, draft.Id);
            await bed.Invoices.RecordPaymentAsync(unit, open.Id, PaymentId.From("pay_1"), Usd(100m));
            id = draft.Id;
            Assert.Null(await bed.Invoices.GetAsync(TestBed.Tenant, id));
            await unit.CommitAsync();
        }

        var committed = await bed.Invoices.GetAsync(TestBed.Tenant, id);
        Assert.Equal(InvoiceStatus.Paid, committed!.Status);
        Assert.Equal("INV-2026-00001", committed.Number);
    }

    [Fact]
    public async Task A_failure_inside_a_unit_leaves_nothing_behind()
    {
        using var bed = new TestBed();
        var draft = await bed.Invoices.CreateDraftAsync(TestBed.Tenant, NewInvoice(Line(100m)));
        await using (var unit = await bed.Units.BeginAsync(TestBed.Tenant))
        {
            await bed.Invoices.FinalizeAsync(unit, draft.Id);
            await Assert.ThrowsAsync<InvoiceValidationException>(async () => await bed.Invoices.RecordPaymentAsync(unit, draft.Id, PaymentId.From("pay_1"), Usd(500m)));

            // The desk gives up on the whole operation: the unit is disposed without commit.
        }

        var after = await bed.Invoices.GetAsync(TestBed.Tenant, draft.Id);
        Assert.Equal(InvoiceStatus.Draft, after!.Status);
        Assert.Null(after.Number);
    }

    [Fact]
    public async Task The_default_notifier_needs_no_logging_and_sends_nothing()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new BillingKit.TestUtilities.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        services.AddBillingKitCore().AddInvoicing();
        using var provider = services.BuildServiceProvider();
        var orders = provider.GetRequiredService<PurchaseOrderService>();
        var order = await orders.SubmitAsync(TestBed.Tenant, new NewPurchaseOrder(Customer, "PO-1", Usd(10m), new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30)));

        var rejected = await orders.RejectAsync(TestBed.Tenant, order.Id, new Actor("fin_1", BillingRole.Finance), "Wrong amount");

        Assert.Equal(PurchaseOrderStatus.Rejected, rejected.Status);
        Assert.Equal("LoggingInvoicingNotifier", provider.GetRequiredService<IInvoicingNotifier>().GetType().Name);
        Assert.IsType<InMemoryUnitOfWorkFactory>(provider.GetRequiredService<IUnitOfWorkFactory>());
    }
}
