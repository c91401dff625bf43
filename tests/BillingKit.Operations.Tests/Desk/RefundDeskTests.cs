using BillingKit.Ledger;
using BillingKit.Providers;
using NodaTime;
using static BillingKit.Operations.Tests.Desk.MoneyDeskHost;

namespace BillingKit.Operations.Tests.Desk;

public class RefundDeskTests
{
    [Fact]
    public async Task Finance_refunds_part_of_a_card_payment_through_the_provider_and_the_ledger_with_one_audit_record()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");

        var result = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance, "Service was down for two days"), payment, Usd(40m), RefundCause.ServiceIssue);

        Assert.Equal(RefundOutcome.Refunded, result.Outcome);
        Assert.Equal(Usd(120m), result.RefundableBefore);
        Assert.Equal(RefundDecision.NeedsReview, result.Verdict!.Decision);
        var call = Assert.Single(desk.Card.Refunds);
        Assert.Equal("ch_100", call.ProviderPaymentId);
        Assert.Equal(Usd(40m), call.Amount);
        Assert.Equal(IdempotencyKey.Derive("refund", Tenant.Value, "ref_pay_100_1"), call.IdempotencyKey);
        Assert.Equal(Usd(80m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        var balances = await desk.Ledger.GetBalancesAsync(Tenant, Currency.USD);
        Assert.Equal(Usd(40m), balances.Refunded);

        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("refund.issue", record.Action);
        Assert.Equal(DeskFixture.Finance.Id, record.ActorId);
        Assert.Equal("Service was down for two days", record.Reason);
        Assert.Equal(AuditOutcome.Succeeded, record.Outcome);
        Assert.Equal("pay_100", record.Target);
        Assert.Equal(Usd(40m), record.Amount);
        Assert.Equal("refund.not-covered", record.Details["policy.rule"]);
        Assert.Equal("NeedsReview", record.Details["policy.decision"]);
        Assert.Equal(ProviderName.Stripe.ToString(), record.Details["provider"]);
        Assert.Equal(DeskRefundStatus.Succeeded, result.Refund!.Status);
        Assert.Equal(Tenant, result.Refund.Tenant);
    }

    [Fact]
    public async Task A_refund_above_the_refundable_remainder_is_refused_and_nothing_is_sent_or_posted()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");
        await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(100m), RefundCause.TechnicalError);
        var transactions = await desk.LedgerTransactionCountAsync();

        var result = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance, "Second refund"), payment, Usd(30m), RefundCause.TechnicalError);

        Assert.Equal(RefundOutcome.Refused, result.Outcome);
        Assert.Equal(Usd(20m), result.RefundableBefore);
        Assert.Contains("USD 20.00", result.Explanation, StringComparison.Ordinal);
        Assert.Single(desk.Card.Refunds);
        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        var refused = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(AuditOutcome.Refused, refused.Outcome);
        Assert.Equal("refund.above-refundable", refused.Details["policy.rule"]);
    }

    [Fact]
    public async Task Support_may_not_refund_and_nothing_is_written()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");
        var transactions = await desk.LedgerTransactionCountAsync();

        var denied = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Refunds.RefundAsync(Request(DeskFixture.Support), payment, Usd(10m), RefundCause.CustomerRequest));

        Assert.Equal(DeskPermission.IssueRefund, denied.Permission);
        Assert.Empty(desk.Card.Refunds);
        Assert.Equal(transactions, await desk.LedgerTransactionCountAsync());
        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task A_timeout_leaves_the_refund_pending_and_a_retry_reuses_its_key()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");
        desk.Card.RefundError = ProviderErrorKind.Network;

        var pending = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(50m), RefundCause.DuplicateCharge);

        Assert.Equal(RefundOutcome.Pending, pending.Outcome);
        Assert.Equal(Usd(120m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        var open = await desk.Get<IDeskRefundStore>().ListAsync(Tenant, DeskRefundStatus.Pending);
        Assert.Equal(Usd(50m), Assert.Single(open).Amount);

        // Another amount is refused while the first one's outcome is unknown would exceed what is left.
        var tooMuch = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(100m), RefundCause.DuplicateCharge);
        Assert.Equal(RefundOutcome.Refused, tooMuch.Outcome);

        desk.Card.RefundError = null;
        var retried = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(50m), RefundCause.DuplicateCharge);

        Assert.Equal(RefundOutcome.Refunded, retried.Outcome);
        Assert.Equal(pending.Refund!.Id, retried.Refund!.Id);
        Assert.Equal(desk.Card.Refunds[0].IdempotencyKey, desk.Card.Refunds[^1].IdempotencyKey);
        Assert.Equal(Usd(70m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        Assert.Empty(await desk.Get<IDeskRefundStore>().ListAsync(Tenant, DeskRefundStatus.Pending));
    }

    [Fact]
    public async Task A_refund_the_provider_declines_is_a_failed_result_and_the_ledger_is_untouched()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");
        desk.Card.RefundStatus = ProviderRefundStatus.Failed;

        var result = await desk.Refunds.RefundAsync(Request(DeskFixture.Finance), payment, Usd(20m), RefundCause.TechnicalError);

        Assert.Equal(RefundOutcome.Failed, result.Outcome);
        Assert.Equal(Usd(120m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        Assert.Equal(AuditOutcome.Refused, Assert.Single(await desk.AuditRecordsAsync()).Outcome);
    }

    [Fact]
    public async Task A_refund_can_name_the_provider_and_its_charge_id()
    {
        await using var desk = Create();
        var payment = await desk.PaidCardPaymentAsync("pay_100", 120m, "ch_100");

        var result = await desk.Refunds.RefundChargeAsync(Request(DeskFixture.BillingAdmin), ProviderName.Stripe, "ch_100", Usd(120m), RefundCause.DuplicateCharge);

        Assert.Equal(RefundOutcome.Refunded, result.Outcome);
        Assert.Equal(payment, result.Payment);
        Assert.Equal(RefundDecision.Allowed, result.Verdict!.Decision);
        Assert.True((await desk.Ledger.GetRefundableAmountAsync(Tenant, payment)).IsZero);
        await Assert.ThrowsAsync<PaymentNotFoundException>(() =>
            desk.Refunds.RefundChargeAsync(Request(DeskFixture.BillingAdmin), ProviderName.Paystack, "ch_100", Usd(1m), RefundCause.DuplicateCharge));
    }

    [Fact]
    public async Task The_unused_time_of_the_period_is_refunded_prorated_by_days_in_one_call()
    {
        await using var desk = Create();
        var subscription = await desk.SubscribeAsync(31m);
        var payment = await desk.PaidCardPaymentAsync("pay_jan", 31m, "ch_jan", subscription.Id);
        desk.Clock.Set(Instant.FromUtc(2026, 1, 11, 9, 0));

        var result = await desk.Refunds.RefundUnusedTimeAsync(Request(DeskFixture.Finance, "Moving to annual billing"), payment, RefundCause.CustomerRequest);

        Assert.Equal(RefundOutcome.Refunded, result.Outcome);
        Assert.Equal(Usd(21m), result.Requested);
        Assert.Equal(Usd(10m), await desk.Ledger.GetRefundableAmountAsync(Tenant, payment));
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal("refund.unused-time", record.Action);
        Assert.Equal(Usd(21m), record.Amount);
    }

    [Fact]
    public async Task I_was_charged_twice_finds_the_same_amount_on_the_same_day_with_the_suggested_refund()
    {
        await using var desk = Create();
        await desk.PaidCardPaymentAsync("pay_a", 49m, "ch_a", paidOn: new LocalDate(2026, 1, 5));
        await desk.PaidCardPaymentAsync("pay_b", 49m, "ch_b", paidOn: new LocalDate(2026, 1, 5));
        await desk.PaidCardPaymentAsync("pay_c", 49m, "ch_c", paidOn: new LocalDate(2026, 1, 6));

        var suspects = await desk.Refunds.FindDuplicateChargesAsync(DeskFixture.Support, Tenant, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31));

        var suspect = Assert.Single(suspects);
        Assert.Equal(new LocalDate(2026, 1, 5), suspect.Date);
        Assert.Equal(PaymentId.From("pay_a"), suspect.Original.Payment);
        Assert.Equal(PaymentId.From("pay_b"), Assert.Single(suspect.Duplicates).Payment);
        Assert.Equal(Usd(49m), suspect.SuggestedRefund);
        Assert.Equal("ch_b", suspect.Duplicates[0].ProviderChargeId);
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            desk.Refunds.FindDuplicateChargesAsync(DeskFixture.Customer, Tenant, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));
    }
}
