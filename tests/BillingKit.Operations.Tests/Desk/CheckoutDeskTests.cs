using BillingKit.Invoicing;
using BillingKit.Ledger;
using BillingKit.Operations.Tests.Events;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class CheckoutDeskTests
{
    private static readonly Uri Paid = new("https://acme.example.test/billing/paid");
    private static readonly Uri Back = new("https://acme.example.test/billing/invoice");

    [Fact]
    public async Task An_open_invoice_gets_the_providers_page_for_what_it_still_owes_and_the_ledger_expects_that_payment()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance, "Annual support contract"), ManualInvoice(1_200m));
        await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance, "First instalment by wire"), invoice.Id, new OfflinePayment(Usd(200m), new LocalDate(2026, 1, 5), PaymentMethod.Wire, "WIRE-1"));

        var result = await desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin, "Customer wants to pay the rest by card"), invoice.Id, ProviderName.Stripe, Paid, Back);

        Assert.Equal(HostedCheckoutOutcome.Opened, result.Outcome);
        var sent = Assert.Single(desk.Card.Checkouts);
        Assert.Equal(Usd(1_000m), sent.Amount);
        Assert.Equal("billing@acme.test", sent.CustomerEmail);
        Assert.Equal(Paid, sent.ReturnUrl);
        Assert.Equal(Back, sent.CancelUrl);
        Assert.Equal(invoice.Id, sent.InvoiceId);
        Assert.Equal("ACME Ltd", sent.CustomerName);
        Assert.Equal($"Invoice {invoice.Number}", sent.Description);
        Assert.Equal(result.Checkout!.Url, new Uri("https://checkout.example.test/c/pay/cs_test_1"));

        var expected = await desk.Ledger.GetPaymentAsync(Tenant, sent.PaymentId);
        Assert.Equal(PaymentStatus.Pending, expected.Status);
        Assert.Equal(ProviderName.Stripe, expected.Provider);
        Assert.Equal(invoice.Id, expected.Invoice);
        Assert.Equal(Usd(1_000m), expected.Amount);
        Assert.Equal(Usd(1_000m), (await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue);

        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal("payment.hosted-checkout", record.Action);
        Assert.Equal(AuditOutcome.Succeeded, record.Outcome);
        Assert.Equal(invoice.Id.Value, record.Target);
        Assert.Equal(Usd(1_000m), record.Amount);
        Assert.Equal("cs_test_1", record.Details["checkout"]);
        Assert.Equal(sent.PaymentId.Value, record.Details["payment"]);
        Assert.DoesNotContain(record.Details.Values, v => v.Contains("https://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_customer_pays_on_the_page_the_providers_event_pays_the_expected_payment_and_the_invoice()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        var opened = await desk.Checkout.OpenAsync(Request(Actor.System, "Customer chose card on the payment page"), invoice.Id, ProviderName.Stripe, Paid);

        var handled = await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Succeeded("evt_chk", "pi_chk", 300m, desk.Clock.Now, opened.Payment!.Id));

        Assert.Equal(ProviderEventOutcome.Applied, handled.Outcome);
        Assert.Equal(PaymentStatus.Paid, (await desk.Ledger.GetPaymentAsync(Tenant, opened.Payment.Id)).Status);
        Assert.Equal(InvoiceStatus.Paid, (await desk.Get<IInvoiceStore>().GetAsync(Tenant, invoice.Id))!.Status);
        Assert.True((await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD)).AmountDue.IsZero);
    }

    [Fact]
    public async Task A_customer_paying_an_old_page_whose_payment_staff_cancelled_is_raised_for_staff_not_lost()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        var old = await desk.Checkout.OpenAsync(Request(Actor.System, "Payment page"), invoice.Id, ProviderName.Stripe, Paid);
        await desk.Ledger.CancelPaymentAsync(Tenant, new CancelPaymentRequest
        {
            IdempotencyKey = IdempotencyKey.From("cancel-old-page"),
            Actor = DeskFixture.Finance,
            Payment = old.Payment!.Id,
            Reason = "Invoice settled by wire",
        });

        var handled = await desk.Events.HandleAsync(Tenant, ProviderEventProcessorTests.Succeeded("evt_late", "pi_late", 300m, desk.Clock.Now, old.Payment.Id));

        Assert.Equal(ProviderEventOutcome.NeedsAttention, handled.Outcome);
        Assert.Contains("cancelled", handled.Note, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Cancelled, (await desk.Ledger.GetPaymentAsync(Tenant, old.Payment.Id)).Status);
        Assert.Contains(((InMemoryEscalationSink)desk.Get<IEscalationSink>()).Raised, e => e.Kind == EscalationKind.ProviderSyncError);
    }

    [Fact]
    public async Task A_retried_request_with_the_same_correlation_id_expects_one_payment_and_asks_the_provider_with_the_same_key()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));

        var first = await desk.Checkout.OpenAsync(Request(Actor.System, "Payment page", correlationId: "req-42"), invoice.Id, ProviderName.Stripe, Paid);
        var retry = await desk.Checkout.OpenAsync(Request(Actor.System, "Payment page", correlationId: "req-42"), invoice.Id, ProviderName.Stripe, Paid);
        var another = await desk.Checkout.OpenAsync(Request(Actor.System, "Payment page", correlationId: "req-43"), invoice.Id, ProviderName.Stripe, Paid);

        Assert.Equal(first.Payment!.Id, retry.Payment!.Id);
        Assert.NotEqual(first.Payment.Id, another.Payment!.Id);
        Assert.Equal(desk.Card.Checkouts[0].IdempotencyKey, desk.Card.Checkouts[1].IdempotencyKey);
        Assert.NotEqual(desk.Card.Checkouts[0].IdempotencyKey, desk.Card.Checkouts[2].IdempotencyKey);
        var pending = await desk.Ledger.QueryPaymentsAsync(Tenant, new PaymentQuery { Statuses = [PaymentStatus.Pending] });
        Assert.Equal(2, pending.Items.Count);
    }

    [Fact]
    public async Task Offline_payments_have_no_providers_page_and_nothing_but_the_audit_record_is_written()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));

        var result = await desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin), invoice.Id, ProviderName.Offline, Paid);

        Assert.Equal(HostedCheckoutOutcome.NotOffered, result.Outcome);
        Assert.Null(result.Checkout);
        Assert.Empty((await desk.Ledger.QueryPaymentsAsync(Tenant, new PaymentQuery())).Items);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(("payment.hosted-checkout", AuditOutcome.Refused), (record.Action, record.Outcome));
        Assert.Equal("NotOffered", record.Details["refused"]);
    }

    [Fact]
    public async Task A_paid_invoice_has_nothing_to_collect()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        await desk.Payments.RecordPaymentAsync(Request(DeskFixture.Finance), invoice.Id, new OfflinePayment(Usd(300m), new LocalDate(2026, 1, 5), PaymentMethod.Check, "CHK-9"));

        var result = await desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin), invoice.Id, ProviderName.Stripe, Paid);

        Assert.Equal(HostedCheckoutOutcome.InvoiceNotPayable, result.Outcome);
        Assert.Empty(desk.Card.Checkouts);
    }

    [Fact]
    public async Task Without_an_email_for_the_payer_the_page_is_not_opened()
    {
        await using var desk = Create();
        var noEmail = ManualInvoice(300m) with { Customer = new InvoiceParty("ACME Ltd") };
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), noEmail);

        var result = await desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin), invoice.Id, ProviderName.Stripe, Paid);

        Assert.Equal(HostedCheckoutOutcome.NoPayerEmail, result.Outcome);
        Assert.Empty(desk.Card.Checkouts);
    }

    [Fact]
    public async Task When_the_provider_fails_no_expected_payment_and_no_audit_record_are_left()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        var before = (await desk.AuditRecordsAsync()).Count;
        desk.Card.CheckoutError = ProviderErrorKind.ProviderUnavailable;

        await Assert.ThrowsAsync<ProviderException>(() => desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin), invoice.Id, ProviderName.Stripe, Paid));

        Assert.Empty((await desk.Ledger.QueryPaymentsAsync(Tenant, new PaymentQuery())).Items);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task Support_may_not_open_a_checkout_and_nothing_is_written()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));
        var before = (await desk.AuditRecordsAsync()).Count;

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Checkout.OpenAsync(Request(DeskFixture.Support), invoice.Id, ProviderName.Stripe, Paid));

        Assert.Empty(desk.Card.Checkouts);
        Assert.Empty((await desk.Ledger.QueryPaymentsAsync(Tenant, new PaymentQuery())).Items);
        Assert.Equal(before, (await desk.AuditRecordsAsync()).Count);
    }

    [Fact]
    public async Task A_relative_return_address_is_refused_before_anything_is_written()
    {
        await using var desk = Create();
        var invoice = await desk.Invoices.CreateManualInvoiceAsync(Request(DeskFixture.Finance), ManualInvoice(300m));

        await Assert.ThrowsAsync<ArgumentException>(() => desk.Checkout.OpenAsync(Request(DeskFixture.BillingAdmin), invoice.Id, ProviderName.Stripe, new Uri("/paid", UriKind.Relative)));

        Assert.Empty((await desk.Ledger.QueryPaymentsAsync(Tenant, new PaymentQuery())).Items);
    }
}
