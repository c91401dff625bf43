namespace BillingKit.Sample.Tests;

public sealed class DeskActionTests
{
    [Fact]
    public async Task A_billing_admin_refunds_part_of_a_card_payment()
    {
        var run = await SampleRun.RunAsync("refund", "acme", "--amount", "30", "--reason", "Customer was billed for seats they removed");

        run.ShouldSucceed();
        Assert.Contains("Acting as Dana (billing admin)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Refunded $30.00 of payment pay_acme_2026_02 (refundable before: $89.00)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_support_user_may_not_refund()
    {
        var run = await SampleRun.RunAsync("refund", "acme", "--amount", "30", "--reason", "Customer asked", "--as", "support");

        run.ShouldFail(3, "Permission denied");
        Assert.Contains("Support", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Refunded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_amount_is_refused_before_anything_happens()
    {
        var run = await SampleRun.RunAsync("refund", "acme", "--amount", "-5", "--reason", "Customer asked");

        run.ShouldFail(1, "The amount must be positive");
    }

    [Fact]
    public async Task A_refund_without_a_reason_is_refused_by_the_desk()
    {
        var run = await SampleRun.RunAsync("refund", "acme", "--amount", "5");

        run.ShouldFail(1, "Reason required");
    }

    [Fact]
    public async Task A_refund_of_an_unknown_tenant_is_a_clear_error()
    {
        var run = await SampleRun.RunAsync("refund", "wayne", "--amount", "5", "--reason", "Customer asked");

        run.ShouldFail(1, "Unknown tenant 'wayne'");
    }

    [Fact]
    public async Task A_refund_above_what_is_refundable_is_a_refusal_with_exit_code_2()
    {
        var run = await SampleRun.RunAsync("refund", "acme", "--amount", "500", "--reason", "Customer asked");

        run.ShouldFail(2, "Refused");
        Assert.Contains("USD 89.00 still refundable", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finance_credits_within_its_authority_and_asks_for_approval_above_it()
    {
        var small = await SampleRun.RunAsync("credit", "hooli", "--amount", "10", "--reason", "Sorry for the outage", "--as", "finance");
        var large = await SampleRun.RunAsync("credit", "hooli", "--amount", "150", "--reason", "Sorry for the outage", "--as", "finance");

        small.ShouldSucceed();
        Assert.Contains("Goodwill credit of $10.00 applied to Hooli Labs", small.Output, StringComparison.Ordinal);
        large.ShouldSucceed();
        Assert.Contains("Waiting for approval", large.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_invoice_draws_on_an_approved_purchase_order()
    {
        var run = await SampleRun.RunAsync("invoice", "initech", "--description", "Onboarding workshop", "--amount", "6000", "--po", "PO-7731", "--reason", "Workshop on 12 March");

        run.ShouldSucceed();
        Assert.Contains("for $6,000.00", run.Output, StringComparison.Ordinal);
        Assert.Contains("drawn on PO-7731", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_wire_pays_the_open_government_invoice()
    {
        var run = await SampleRun.RunAsync("record-payment", "ministry", "--invoice", "INV-2026-00002", "--reference", "TRSY-991", "--reason", "Treasury transfer received");

        run.ShouldSucceed();
        Assert.Contains("Recorded $1,500.00 against INV-2026-00002: invoice Paid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purchase_order_queue_lists_the_waiting_order_and_an_admin_approves_it()
    {
        var queue = await SampleRun.RunAsync("po-review");
        var approve = await SampleRun.RunAsync("po-review", "--approve", "PO-7790", "--reason", "Matches the signed quote");
        var financeApprove = await SampleRun.RunAsync("po-review", "--approve", "PO-7790", "--reason", "Matches the signed quote", "--as", "finance");

        queue.ShouldSucceed();
        Assert.Contains("PO-7790", queue.Output, StringComparison.Ordinal);
        approve.ShouldSucceed();
        Assert.Contains("is now Approved", approve.Output, StringComparison.Ordinal);
        financeApprove.ShouldFail(3, "Permission denied");
    }

    [Fact]
    public async Task Grace_and_quota_overrides_change_what_the_gate_allows()
    {
        var grace = await SampleRun.RunAsync("grace", "hooli", "--units", "500", "--hours", "72", "--reason", "Launch week");
        var raised = await SampleRun.RunAsync("entitlement-override", "hooli", "--metric", "verifications", "--limit", "2000", "--reason", "Pilot");

        grace.ShouldSucceed();
        Assert.Contains("Grace allowance of +500 Verifications for Hooli Labs until 2026-03-04 08:00 UTC", grace.Output, StringComparison.Ordinal);
        raised.ShouldSucceed();
        Assert.Contains("is now 2,000 (plan: 1,000)", raised.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extending_dunning_grace_for_a_tenant_that_owes_nothing_is_explained()
    {
        var run = await SampleRun.RunAsync("dunning-override", "globex", "--extend-grace", "7", "--reason", "Customer promised payment");

        run.ShouldFail(1, "Invalid request");
    }

    [Fact]
    public async Task A_dunning_override_needs_exactly_one_action()
    {
        var run = await SampleRun.RunAsync("dunning-override", "globex", "--reason", "Why not");

        run.ShouldFail(1, "Give exactly one of");
    }
}
