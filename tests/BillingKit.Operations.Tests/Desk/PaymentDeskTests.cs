using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class PaymentDeskTests
{
    [Fact]
    public async Task A_wire_against_a_manual_invoice_pays_the_invoice_and_the_ledger_in_one_action()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance, "Annual support contract"), ManualInvoice(1_200m));
        Assert.Equal(Usd(1_200m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue);

        var paid = await desk.Payments.RecordPaymentAsync(
            Request(DeskFixture.Finance, "Wire arrived on the bank statement"),
            invoice.Id,
            new OfflinePayment(Usd(1_200m), new LocalDate(2026, 1, 20), PaymentMethod.Wire, "WIRE-20260120-7"));

        Assert.Equal(InvoiceStatus.Paid, paid.Invoice.Status);
        Assert.Equal(PaymentStatus.Paid, paid.Payment.Status);
        Assert.Equal(ProviderName.Offline, paid.Payment.Provider);
        Assert.Equal("WIRE-20260120-7", paid.Payment.Reference);
        Assert.True((await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue.IsZero);
        var records = await desk.AuditRecordsAsync();
        Assert.Equal("invoice.create-manual,payment.record", string.Join(',', records.Select(r => r.Action)));
        Assert.Equal(invoice.Id.Value, records[1].Target);
        Assert.Equal(Usd(1_200m), records[1].Amount);
        Assert.Equal("Paid", records[1].Details["invoice.status"]);
    }

    [Fact]
    public async Task Recording_the_same_wire_twice_records_it_once()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        var wire = new OfflinePayment(Usd(100m), new LocalDate(2026, 1, 20), PaymentMethod.Wire, "WIRE-1");

        await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance), invoice.Id, wire);
        var again = await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance), invoice.Id, wire);

        Assert.True(again.AlreadyRecorded);
        Assert.Equal(Usd(200m), again.Invoice.AmountRemaining);
        Assert.Equal(Usd(200m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue);
        Assert.Equal(AuditOutcome.Duplicate, (await desk.AuditRecordsAsync())[^1].Outcome);
    }

    [Fact]
    public async Task A_payment_that_settles_the_invoice_brings_a_past_due_tenant_back_to_full_access()
    {
        await using var desk = Create();
        await desk.EnrollAsync();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(500m));
        await desk.Get<DunningService>().ApplyAsync(Tenant, new PaymentFailed(desk.Clock.Now, "insufficient_funds"));
        desk.Clock.AdvanceDays(10);
        await desk.Get<DunningService>().ApplyAsync(Tenant, new TimePassed(desk.Clock.Now));
        var before = await desk.Get<DunningService>().GetAsync(Tenant);
        Assert.NotEqual(DunningState.Active, before.State);
        await desk.Get<EntitlementService>().SetAccessLevelAsync(Tenant, before.Access);

        var paid = await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance, "Check received"), invoice.Id, new OfflinePayment(Usd(500m), new LocalDate(2026, 1, 11), PaymentMethod.Check, "CHK-1001"));

        Assert.Equal(DunningState.Active, paid.Dunning!.Snapshot.State);
        Assert.Equal(AccessLevel.Full, (await desk.Get<DunningService>().GetAsync(Tenant)).Access);
        Assert.Equal(AccessLevel.Full, (await desk.Get<EntitlementService>().GetAsync(Tenant))!.AccessLevel);
    }

    [Fact]
    public async Task An_expected_card_payment_is_marked_paid_rather_than_received_again()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(90m));
        var expected = await desk.ExpectCardPaymentAsync("pay_inv", 90m, invoice: invoice.Id, invoiceNumber: invoice.Number);

        var paid = await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance, "Customer paid by bank transfer instead"), invoice.Id, new OfflinePayment(Usd(90m), new LocalDate(2026, 1, 3), PaymentMethod.BankTransfer, "TRF-9"));

        Assert.Equal(expected, paid.Payment.Id);
        Assert.Equal(PaymentStatus.Paid, paid.Payment.Status);
    }

    [Fact]
    public async Task A_wire_received_offline_can_be_refunded_through_the_offline_provider()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(500m));
        var paid = await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance), invoice.Id, new OfflinePayment(Usd(500m), new LocalDate(2026, 1, 2), PaymentMethod.Wire, "W-1"));

        var refund = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance, "Paid twice by wire"), paid.Payment.Id, Usd(500m), RefundCause.DuplicateCharge);

        Assert.Equal(RefundOutcome.Refunded, refund.Outcome);
        Assert.StartsWith("offline_ref_", refund.Refund!.ProviderRefundId, StringComparison.Ordinal);
        Assert.Empty(desk.Card.Refunds);
    }

    [Fact]
    public async Task Support_may_not_record_payments_or_create_invoices_and_nothing_is_written()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(500m));
        var transactions = await desk.LedgerTransactionCountAsync();

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Payments.RecordPaymentAsync(Request(DeskFixture.Support), invoice.Id, new OfflinePayment(Usd(500m), new LocalDate(2026, 1, 2), PaymentMethod.Wire, "W-1")));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Support), ManualInvoice(10m)));

        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal(InvoiceStatus.Open, (await desk.Get<InvoiceService>().GetAsync(Tenant, invoice.Id))!.Status);
    }

    [Fact]
    public async Task A_payment_above_what_the_invoice_owes_is_rejected_and_nothing_is_written()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(100m));
        var transactions = await desk.LedgerTransactionCountAsync();

        await Assert.ThrowsAsync<InvoiceValidationException>(() =>
            desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance), invoice.Id, new OfflinePayment(Usd(150m), new LocalDate(2026, 1, 2), PaymentMethod.Wire, "W-1")));

        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.Single(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task Finance_cancels_an_expected_transfer_that_will_not_come_and_the_audit_names_it()
    {
        await using var desk = Create();
        var expected = await desk.ExpectCardPaymentAsync("pay_expected", 250m);
        var transactions = await desk.LedgerTransactionCountAsync();

        var cancelled = await desk.Payments.CancelPaymentAsync(Request(DeskFixture.Finance, "Customer paid by wire instead"), expected);

        Assert.Equal(PaymentStatus.Cancelled, cancelled.Payment.Status);
        Assert.Equal("Customer paid by wire instead", cancelled.Payment.CancellationReason);
        Assert.Null(cancelled.Transaction);
        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(("payment.cancel", "pay_expected", AuditOutcome.Succeeded), (record.Action, record.Target, record.Outcome));
        Assert.Equal("Pending", record.Details["status.before"]);
        Assert.Equal("Customer paid by wire instead", record.Reason);
    }

    [Fact]
    public async Task A_bounced_check_is_cancelled_and_what_it_paid_is_owed_again()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(400m));
        var paid = await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance, "Check arrived"), invoice.Id, new OfflinePayment(Usd(400m), new LocalDate(2026, 1, 10), PaymentMethod.Check, "CHK-77"));
        Assert.True((await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue.IsZero);

        var cancelled = await desk.Payments.CancelPaymentAsync(Request(DeskFixture.Finance, "Check bounced"), paid.Payment.Id);
        var again = await desk.Payments.CancelPaymentAsync(Request(DeskFixture.Finance, "Check bounced"), paid.Payment.Id);

        Assert.Equal(PaymentStatus.Cancelled, cancelled.Payment.Status);
        Assert.NotNull(cancelled.Transaction);
        Assert.True(again.IsReplay);
        Assert.Equal(Usd(400m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue);
        var records = await desk.AuditRecordsAsync();
        Assert.Equal((AuditOutcome.Succeeded, AuditOutcome.Duplicate), (records[^2].Outcome, records[^1].Outcome));
        Assert.Equal(cancelled.Transaction!.Id.Value, records[^2].Details["reversal"]);
    }

    [Fact]
    public async Task Support_may_not_cancel_a_payment_and_nothing_is_written()
    {
        await using var desk = Create();
        var expected = await desk.ExpectCardPaymentAsync("pay_expected", 250m);
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Payments.CancelPaymentAsync(Request(DeskFixture.Support, "Looks wrong"), expected));

        Assert.Equal(PaymentStatus.Pending, (await desk.Ledger.GetPaymentAsync(Tenant, expected)).Status);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }
}
