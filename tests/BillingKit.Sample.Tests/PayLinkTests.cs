using System.Text.RegularExpressions;

namespace BillingKit.Sample.Tests;

public sealed class PayLinkTests
{
    [Fact]
    public async Task A_pay_link_opens_the_simulated_hosted_checkout_with_a_pending_payment()
    {
        var run = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002", "--reason", "Customer asked to pay by card");

        run.ShouldSucceed();
        Assert.Contains("Acting as Dana (billing admin)", run.Output, StringComparison.Ordinal);
        Assert.Contains("issued for invoice INV-2026-00002 of Ministry of Digital Services ($1,500.00 to pay, Open), valid until 2026-03-08 08:00 UTC", run.Output, StringComparison.Ordinal);
        Assert.Contains("  https://pay.billingkit-sample.invalid/pay/pl1.", run.Output, StringComparison.Ordinal);
        Assert.Contains("the payment page verifies it (Valid) and opens the simcard checkout as the system", run.Output, StringComparison.Ordinal);
        Assert.Contains("Checkout cs_0001 opened for $1,500.00: https://checkout.simcard.invalid/pay/cs_0001 (takes payment until 2026-03-02 08:00 UTC)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Pending payment chk_\S+: \$1,500\.00, Pending, for invoice INV-2026-00002", run.Output);
        Assert.Contains("--simulate-payment", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("is Paid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_link_verifies_against_the_invoice_it_was_issued_for()
    {
        var run = await SampleRun.RunAsync("pay-link", "initech", "INV-2026-00002", "--reason", "Customer asked to pay by card");

        run.ShouldSucceed();
        var line = run.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://pay.billingkit-sample.invalid/pay/", StringComparison.Ordinal));
        var token = line["https://pay.billingkit-sample.invalid/pay/".Length..];
        Assert.StartsWith("pl1.", token, StringComparison.Ordinal);
        Assert.DoesNotContain(' ', token);
    }

    [Fact]
    public async Task With_simulate_payment_the_customer_pays_and_the_provider_event_marks_the_invoice_paid()
    {
        var run = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002", "--reason", "Customer asked to pay by card", "--simulate-payment");

        run.ShouldSucceed();
        // The simulated provider numbers its charges across the run: seeding charged the card tenants' cards first.
        var webhook = Regex.Match(run.Output, @"the provider's webhook charge\.succeeded \(evt_(ch_\d{4}), charge ch_\d{4}\) reaches the desk: Applied");
        Assert.True(webhook.Success, run.Output);
        var charge = webhook.Groups[1].Value;
        Assert.Matches(@"Invoice INV-2026-00002 is Paid \(remaining \$0\.00\); payment chk_\S+ Paid \(" + charge + @"\)", run.Output);
    }

    [Fact]
    public async Task Finance_may_send_pay_links()
    {
        var run = await SampleRun.RunAsync("pay-link", "initech", "INV-2026-00002", "--reason", "Customer asked to pay by card", "--as", "finance", "--simulate-payment");

        run.ShouldSucceed();
        Assert.Contains("Acting as Fatima (finance)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Invoice INV-2026-00002 is Paid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_invoice_gets_no_checkout_and_the_refusal_has_exit_code_2()
    {
        var run = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00001", "--reason", "Customer asked to pay by card");

        run.ShouldFail(2, "Refused");
        Assert.Contains("InvoiceNotPayable: Invoice INV-2026-00001 is Paid with USD 0.00 remaining; there is nothing to collect.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Checkout cs_", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pending payment", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_hosted_checkout_is_a_refusal()
    {
        var run = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002", "--reason", "Customer asked to pay by card", "--provider", "offline");

        run.ShouldFail(2, "Refused");
        Assert.Contains("NotOffered: offline hosts no checkout for USD", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_invoice_is_a_clear_error_that_lists_the_tenants_invoices()
    {
        var run = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-09999", "--reason", "Customer asked to pay by card");

        run.ShouldFail(1, "Tenant 'ministry' has no invoice numbered 'INV-2026-09999'. Its invoices: INV-2026-00001, INV-2026-00002.");
        Assert.DoesNotContain("Pay link", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tenant_or_provider_is_invalid_input()
    {
        var tenant = await SampleRun.RunAsync("pay-link", "wayne", "INV-2026-00001", "--reason", "Customer asked to pay by card");
        var provider = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002", "--reason", "Customer asked to pay by card", "--provider", "stripe");

        tenant.ShouldFail(1, "Unknown tenant 'wayne'");
        provider.ShouldFail(1, "Unknown provider 'stripe'. The sample registers: simcard (hosts checkout pages), offline (hosts none).");
    }

    [Fact]
    public async Task Support_may_not_issue_a_pay_link_and_a_reason_is_required()
    {
        var support = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002", "--reason", "Customer asked to pay by card", "--as", "support");
        var noReason = await SampleRun.RunAsync("pay-link", "ministry", "INV-2026-00002");

        support.ShouldFail(3, "Permission denied");
        Assert.Contains("ManagePayLinks", support.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay link", support.Output, StringComparison.Ordinal);
        noReason.ShouldFail(1, "Reason required");
    }
}
