using static BillingKit.Ledger.Tests.LedgerFixture;

namespace BillingKit.Ledger.Tests;

/// <summary>Bad input gets a typed exception that says what was expected, and writes nothing.</summary>
public class LedgerBadInputTests
{
    private readonly LedgerFixture _desk = new();

    private async Task<(long Transactions, LedgerBalances Balances)> Snapshot()
    {
        var balances = await _desk.Balances();
        return (balances.TransactionCount, balances);
    }

    private async Task AssertNothingWritten((long Transactions, LedgerBalances Balances) before)
    {
        var after = await _desk.Balances();
        Assert.Equal(before.Transactions, after.TransactionCount);
        Assert.Equal(before.Balances.AmountDue, after.AmountDue);
        Assert.Equal(before.Balances.CreditBalance, after.CreditBalance);
        Assert.Equal(before.Balances.Refunded, after.Refunded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_zero_or_negative_charge_is_refused(decimal amount)
    {
        var error = await Assert.ThrowsAsync<InvalidLedgerAmountException>(() => _desk.Charge(amount, Day(1, 31)));
        Assert.Contains("must be positive", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LedgerTenantNotFoundException>(() => _desk.Balances());
    }

    [Fact]
    public async Task A_refund_in_another_currency_than_the_payment_is_refused()
    {
        var payment = (await _desk.Receive(100)).Payment.Id;
        var before = await Snapshot();

        var error = await Assert.ThrowsAsync<CurrencyMismatchException>(() => _desk.Ledger.RefundAsync(_desk.Tenant, new RefundRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Amount = Money.FromMajor(10, Currency.EUR), Reason = "wrong currency",
        }));

        Assert.Equal(Currency.USD, error.Expected);
        await AssertNothingWritten(before);
    }

    [Fact]
    public async Task A_refund_of_an_unpaid_payment_is_refused()
    {
        await _desk.Charge(5, Day(1, 31));
        var payment = PaymentId.From("pay_pending");
        await _desk.Ledger.RecordPaymentAsync(_desk.Tenant, new RecordPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Customer = Acme, Amount = Usd(100), DueDate = Day(1, 31), Provider = ProviderName.Stripe,
        });
        var before = await Snapshot();

        var error = await Assert.ThrowsAsync<PaymentNotPaidException>(() => _desk.Refund(payment, 10));

        Assert.Equal(PaymentStatus.Pending, error.Status);
        Assert.Contains("expected a Paid payment", error.Message, StringComparison.Ordinal);
        await AssertNothingWritten(before);
    }

    [Fact]
    public async Task A_refund_above_the_refundable_remainder_is_refused()
    {
        var payment = (await _desk.Receive(100)).Payment.Id;
        var before = await Snapshot();

        var error = await Assert.ThrowsAsync<RefundExceedsRefundableException>(() => _desk.Refund(payment, 100.01m));

        Assert.Equal(Usd(100.01m), error.Requested);
        await AssertNothingWritten(before);
        Assert.Equal(Usd(0), (await _desk.Ledger.GetPaymentAsync(_desk.Tenant, payment)).Refunded);
    }

    [Fact]
    public async Task Paying_out_more_than_the_credit_balance_is_refused()
    {
        await _desk.Charge(100, Day(1, 31));
        var payment = (await _desk.Receive(110)).Payment.Id;
        var before = await Snapshot();

        var error = await Assert.ThrowsAsync<InsufficientCreditBalanceException>(() => _desk.Ledger.RefundAsync(_desk.Tenant, new RefundRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Amount = Usd(20), Reason = "overpaid", FromCreditBalance = true,
        }));

        Assert.Equal(Usd(10), error.Available);
        await AssertNothingWritten(before);
    }

    [Fact]
    public async Task Refunds_credits_charge_backs_cancellations_and_adjustments_need_a_reason()
    {
        var payment = (await _desk.Receive(100)).Payment.Id;
        var before = await Snapshot();

        await Assert.ThrowsAsync<ReasonRequiredException>(() => _desk.Refund(payment, 1, " "));
        await Assert.ThrowsAsync<ReasonRequiredException>(() => _desk.Ledger.GrantCreditAsync(_desk.Tenant, new CreditRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(1), Kind = CreditKind.Goodwill, Reason = string.Empty,
        }));
        await Assert.ThrowsAsync<ReasonRequiredException>(() => _desk.Ledger.RecordChargeBackAsync(_desk.Tenant, new ChargeBackRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, Amount = Usd(1), Reason = null!,
        }));
        await Assert.ThrowsAsync<ReasonRequiredException>(() => _desk.Ledger.CancelPaymentAsync(_desk.Tenant, new CancelPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Reason = "\t",
        }));
        var error = await Assert.ThrowsAsync<ReasonRequiredException>(() => _desk.Ledger.PostAdjustmentAsync(_desk.Tenant, new AdjustmentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(1), Direction = AdjustmentDirection.DecreaseDue, Reason = string.Empty,
        }));

        Assert.Equal(LedgerTransactionKind.Adjustment, error.Kind);
        await AssertNothingWritten(before);
    }

    [Fact]
    public async Task An_unknown_payment_is_refused()
    {
        await _desk.Charge(5, Day(1, 31));
        var before = await Snapshot();

        var error = await Assert.ThrowsAsync<PaymentNotFoundException>(() => _desk.Refund(PaymentId.From("pay_nope"), 1));

        Assert.Contains("pay_nope", error.Message, StringComparison.Ordinal);
        await AssertNothingWritten(before);
        await Assert.ThrowsAsync<PaymentNotFoundException>(() => _desk.Ledger.GetRefundableAmountAsync(_desk.Tenant, PaymentId.From("pay_nope")));
    }

    [Fact]
    public async Task An_unknown_tenant_is_refused()
    {
        var error = await Assert.ThrowsAsync<LedgerTenantNotFoundException>(() => _desk.Ledger.GetBalancesAsync(TenantId.From("ten_typo"), Currency.USD).AsTask());
        Assert.Equal(TenantId.From("ten_typo"), error.Tenant);
        await Assert.ThrowsAsync<LedgerTenantNotFoundException>(() => _desk.Ledger.GetBalancesAsync(TenantId.From("ten_typo")));
    }

    [Fact]
    public async Task A_payment_cannot_be_paid_twice_nor_revived_after_cancellation()
    {
        var payment = (await _desk.Receive(10)).Payment.Id;
        var before = await Snapshot();

        var twice = await Assert.ThrowsAsync<InvalidPaymentTransitionException>(() => _desk.Ledger.MarkAsPaidAsync(_desk.Tenant, new MarkAsPaidRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, PaymentDate = Day(1, 2),
        }));
        Assert.Equal(PaymentStatus.Paid, twice.From);
        await AssertNothingWritten(before);

        await _desk.Ledger.CancelPaymentAsync(_desk.Tenant, new CancelPaymentRequest { IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Reason = "bounced" });
        var revived = await Assert.ThrowsAsync<InvalidPaymentTransitionException>(() => _desk.Ledger.StartPaymentAttemptAsync(_desk.Tenant, new StartPaymentAttemptRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment,
        }));
        Assert.Contains("nothing (it is final)", revived.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_id_cannot_be_used_twice()
    {
        var payment = (await _desk.Receive(10)).Payment.Id;
        var before = await Snapshot();
        await Assert.ThrowsAsync<DuplicatePaymentException>(() => _desk.Receive(10, payment));
        await AssertNothingWritten(before);
    }

    [Fact]
    public async Task An_increasing_adjustment_needs_a_due_date_and_a_failure_needs_a_reason()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _desk.Ledger.PostAdjustmentAsync(_desk.Tenant, new AdjustmentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(1), Direction = AdjustmentDirection.IncreaseDue, Reason = "fee",
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => _desk.Ledger.MarkPaymentFailedAsync(_desk.Tenant, new PaymentFailedRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = PaymentId.New(), FailureReason = " ",
        }));
        await Assert.ThrowsAsync<LedgerTenantNotFoundException>(() => _desk.Balances());
    }

    [Fact]
    public void Unbalanced_postings_cannot_form_a_transaction()
    {
        var error = Assert.Throws<ArgumentException>(() => new LedgerTransaction(
            LedgerTransactionId.New(),
            LedgerTransactionKind.Charge,
            Usd(10),
            [new LedgerPosting(LedgerAccount.Receivable, PostingSide.Debit, Usd(10)), new LedgerPosting(LedgerAccount.Revenue, PostingSide.Credit, Usd(9))],
            Actor.System,
            NodaTime.Instant.FromUnixTimeSeconds(0),
            IdempotencyKey.New()));
        Assert.Contains("do not balance", error.Message, StringComparison.Ordinal);
    }
}
