namespace BillingKit.Sample.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_plays_the_month_prints_the_dashboard_and_writes_a_pdf()
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"billingkit-sample-demo-{Guid.NewGuid():N}.pdf");
        var run = await SampleRun.RunAsync("demo", "--pdf", pdf);

        run.ShouldSucceed();
        // Subscriptions bill; the card fails with insufficient funds and walks through dunning.
        Assert.Contains("card declined: insufficient_funds (attempt 1, $249.00)", run.Output, StringComparison.Ordinal);
        Assert.Contains("dunning Active -> PastDue (PaymentFailed)", run.Output, StringComparison.Ordinal);
        Assert.Contains("card declined: insufficient_funds (attempt 3, $249.00)", run.Output, StringComparison.Ordinal);
        // Grace extended, then forced Active during a dispute.
        Assert.Contains("extends Globex's grace by 7 days", run.Output, StringComparison.Ordinal);
        Assert.Contains("forces Globex Active during the dispute", run.Output, StringComparison.Ordinal);
        // Wire against approved purchase orders.
        Assert.Contains("approves Initech's PO-7790", run.Output, StringComparison.Ordinal);
        Assert.Contains("records the wire against INV-2026-00004 ($6,000.00, PO PO-7790): invoice Paid", run.Output, StringComparison.Ordinal);
        // One consolidated invoice for the billing group.
        Assert.Contains("consolidated invoice INV-2026-00003: 3 clinics on one invoice, $267.00", run.Output, StringComparison.Ordinal);
        // Umbrella pays by card through a pay link and the simulated provider's hosted checkout.
        Assert.Contains("Fatima sends a pay link for INV-2026-00003 ($267.00)", run.Output, StringComparison.Ordinal);
        Assert.Contains("opens checkout cs_0001 at https://checkout.simcard.invalid/pay/cs_0001 (pending payment $267.00)", run.Output, StringComparison.Ordinal);
        Assert.Contains("the provider's charge.succeeded event is Applied: invoice Paid; the expected BankTransfer payment pay_umbrella_2026_03 is cancelled", run.Output, StringComparison.Ordinal);
        // Quota hit, grace allowance, expiry.
        Assert.Contains("the next one denied: QuotaExceeded", run.Output, StringComparison.Ordinal);
        Assert.Contains("grants a grace allowance of +500 verifications", run.Output, StringComparison.Ordinal);
        Assert.Contains("grace expired at 14:00: the next verification is denied", run.Output, StringComparison.Ordinal);
        // Partial refund and goodwill credit.
        Assert.Contains("refunds $29.67 of Acme's March payment: Refunded", run.Output, StringComparison.Ordinal);
        Assert.Contains("goodwill credit of $10.00 to Hooli: Applied", run.Output, StringComparison.Ordinal);
        // The dashboard.
        Assert.Contains("Tenants dashboard (2026-03-31 18:00 UTC)", run.Output, StringComparison.Ordinal);
        Assert.Contains("MRR summary", run.Output, StringComparison.Ordinal);
        // The audit trail names who did each desk action and why.
        Assert.Contains("Audit log, March", run.Output, StringComparison.Ordinal);
        Assert.Contains("refund.issue", run.Output, StringComparison.Ordinal);
        Assert.Contains("Customer removed 4 of 12 seats", run.Output, StringComparison.Ordinal);

        Assert.Contains($"written to {pdf}", run.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        File.Delete(pdf);
    }

    [Fact]
    public async Task No_arguments_plays_the_demo()
    {
        var run = await SampleRun.RunAsync();

        run.ShouldSucceed();
        Assert.Contains("a month at the billing desk", run.Output, StringComparison.Ordinal);
        Assert.Contains("Tenants dashboard", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_desk_commands()
    {
        var run = await SampleRun.RunAsync("--help");

        run.ShouldSucceed();
        foreach (var command in new[] { "demo", "tenants", "tenant", "refund", "credit", "invoice", "record-payment", "pay-link", "failures", "po-review", "dunning-override", "grace", "entitlement-override", "check-quota", "invoice-pdf" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }
}
