using static BillingKit.Ledger.Tests.LedgerFixture;

namespace BillingKit.Ledger.Tests;

/// <summary>What the billing desk does with the ledger, day to day.</summary>
public class LedgerScenarioTests
{
    private readonly LedgerFixture _desk = new();

    [Fact]
    public async Task A_charge_is_paid_from_the_credit_balance_before_anything_becomes_receivable()
    {
        await _desk.Ledger.GrantCreditAsync(_desk.Tenant, new CreditRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(30), Kind = CreditKind.Goodwill, Reason = "outage on 3 January",
        });

        var charge = await _desk.Charge(100, Day(1, 31), "INV-0001");

        var balances = await _desk.Balances();
        Assert.Equal(Usd(70), balances.AmountDue);
        Assert.Equal(Usd(0), balances.CreditBalance);
        Assert.Contains(charge.Postings, p => p.Account == LedgerAccount.CreditBalance && p.Side == PostingSide.Debit && p.Amount == Usd(30));
        Assert.Equal(Usd(-30), charge.CreditBalanceChange);
        var open = Assert.Single(await _desk.Ledger.GetOpenChargesAsync(_desk.Tenant, Currency.USD));
        Assert.Equal(Usd(70), open.Outstanding);
    }

    [Fact]
    public async Task One_bank_transfer_settles_several_invoices_oldest_due_first_and_the_excess_becomes_credit()
    {
        var march = await _desk.Charge(300, Day(3, 31), "INV-0003");
        var january = await _desk.Charge(100, Day(1, 31), "INV-0001");
        var february = await _desk.Charge(200, Day(2, 28), "INV-0002");

        var transfer = await _desk.Receive(650);

        Assert.Equal([january.Id, february.Id, march.Id], transfer.Transaction!.Allocations.Select(a => a.Charge));
        var balances = await _desk.Balances();
        Assert.Equal(Usd(0), balances.AmountDue);
        Assert.Equal(Usd(50), balances.CreditBalance);
        Assert.Equal(Usd(650), balances.Paid);
        Assert.Equal(Usd(650), balances.Balance(LedgerAccount.Cash(ProviderName.Offline)));
        Assert.Empty(await _desk.Ledger.GetOpenChargesAsync(_desk.Tenant, Currency.USD));
    }

    [Fact]
    public async Task A_payment_can_be_applied_to_the_invoices_the_customer_names()
    {
        var january = await _desk.Charge(100, Day(1, 31));
        var february = await _desk.Charge(200, Day(2, 28));

        var transfer = await _desk.Receive(200, applyFirst: [february.Id]);

        Assert.Equal([new ChargeAllocation(february.Id, Usd(200))], transfer.Transaction!.Allocations);
        var open = Assert.Single(await _desk.Ledger.GetOpenChargesAsync(_desk.Tenant, Currency.USD));
        Assert.Equal(january.Id, open.Charge);
    }

    [Fact]
    public async Task A_check_received_at_the_office_is_marked_as_paid_with_its_number()
    {
        await _desk.Charge(1_200, Day(1, 31), "INV-0042");
        var payment = PaymentId.From("pay_check_1");
        await _desk.Ledger.RecordPaymentAsync(_desk.Tenant, new RecordPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Customer = Acme, Amount = Usd(1_200),
            DueDate = Day(1, 31), Provider = ProviderName.Offline, InvoiceNumber = "INV-0042",
        });
        Assert.Equal(Usd(0), (await _desk.Balances()).Paid);

        var paid = await _desk.Ledger.MarkAsPaidAsync(_desk.Tenant, new MarkAsPaidRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, PaymentDate = Day(2, 3), Method = PaymentMethod.Check, Reference = "CHK-000981",
        });

        Assert.Equal(PaymentStatus.Paid, paid.Payment.Status);
        Assert.Equal(Day(2, 3), paid.Payment.PaymentDate);
        Assert.Equal(PaymentMethod.Check, paid.Payment.Method);
        Assert.Equal("CHK-000981", paid.Payment.Reference);
        Assert.Equal(paid.Transaction!.Id, paid.Payment.PaymentTransaction);
        Assert.Equal(Finance, paid.Transaction.Actor);
        Assert.Equal(ProviderName.Offline, paid.Transaction.Provider);
        var balances = await _desk.Balances();
        Assert.Equal(Usd(0), balances.AmountDue);
        Assert.Equal(Usd(1_200), balances.Paid);
    }

    [Fact]
    public async Task A_failed_card_payment_is_retried_and_keeps_the_history_of_attempts()
    {
        await _desk.Charge(49, Day(1, 31));
        var payment = PaymentId.From("pay_card_1");
        await _desk.Ledger.RecordPaymentAsync(_desk.Tenant, new RecordPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, Customer = Acme, Amount = Usd(49),
            DueDate = Day(1, 31), Provider = ProviderName.Stripe, Method = PaymentMethod.Card,
        });
        await _desk.Ledger.StartPaymentAttemptAsync(_desk.Tenant, new StartPaymentAttemptRequest { IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, ProviderReference = "pi_1" });
        await _desk.Ledger.MarkPaymentFailedAsync(_desk.Tenant, new PaymentFailedRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, FailureReason = "Your card has insufficient funds.", DeclineCode = "insufficient_funds",
        });
        _desk.Clock.AdvanceDays(3);
        await _desk.Ledger.StartPaymentAttemptAsync(_desk.Tenant, new StartPaymentAttemptRequest { IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, ProviderReference = "pi_2" });
        var paid = await _desk.Ledger.MarkAsPaidAsync(_desk.Tenant, new MarkAsPaidRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, PaymentDate = Day(1, 4), ProviderReference = "ch_2",
        });

        Assert.Collection(
            paid.Payment.Attempts,
            first =>
            {
                Assert.Equal(1, first.Number);
                Assert.Equal(PaymentStatus.Failed, first.Outcome);
                Assert.Equal("insufficient_funds", first.DeclineCode);
                Assert.Equal("pi_1", first.ProviderReference);
            },
            second =>
            {
                Assert.Equal(2, second.Number);
                Assert.Equal(PaymentStatus.Paid, second.Outcome);
                Assert.Equal("ch_2", second.ProviderReference);
                Assert.Equal(_desk.Clock.Now, second.EndedAt);
            });
        Assert.Equal(Usd(49), (await _desk.Balances()).Balance(LedgerAccount.Cash(ProviderName.Stripe)));
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_at_most_what_was_paid()
    {
        await _desk.Charge(100, Day(1, 31));
        var payment = (await _desk.Receive(100, provider: ProviderName.Paystack)).Payment.Id;

        await _desk.Refund(payment, 30, "double billed for one seat");
        await _desk.Refund(payment, 50, "downgrade mid-month");
        Assert.Equal(Usd(20), await _desk.Ledger.GetRefundableAmountAsync(_desk.Tenant, payment));

        var error = await Assert.ThrowsAsync<RefundExceedsRefundableException>(() => _desk.Refund(payment, 25));
        Assert.Equal(Usd(20), error.Refundable);
        Assert.Contains("USD 20.00 left to refund", error.Message, StringComparison.Ordinal);

        var last = await _desk.Refund(payment, 20);
        Assert.Equal(Usd(100), last.Payment.Refunded);
        Assert.Equal(Usd(0), last.Payment.Refundable);
        var balances = await _desk.Balances();
        Assert.Equal(Usd(100), balances.Refunded);
        Assert.Equal(Usd(0), balances.Balance(LedgerAccount.Cash(ProviderName.Paystack)));
        Assert.Equal("downgrade mid-month", (await _desk.Ledger.GetTransactionsAsync(_desk.Tenant, 3, 1))[0].Reason);
    }

    [Fact]
    public async Task An_overpayment_is_returned_out_of_the_credit_balance()
    {
        await _desk.Charge(100, Day(1, 31));
        var payment = (await _desk.Receive(130)).Payment.Id;

        var refund = await _desk.Ledger.RefundAsync(_desk.Tenant, new RefundRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Amount = Usd(30), Reason = "paid twice the seat upgrade", FromCreditBalance = true,
        });

        Assert.Contains(refund.Transaction!.Postings, p => p.Account == LedgerAccount.CreditBalance && p.Side == PostingSide.Debit);
        var balances = await _desk.Balances();
        Assert.Equal(Usd(0), balances.CreditBalance);
        Assert.Equal(Usd(100), balances.Balance(LedgerAccount.Revenue));
        Assert.Equal(Usd(0), balances.Balance(LedgerAccount.Refunds));
        Assert.Equal(Usd(30), balances.Refunded);
        Assert.Equal(Usd(100), balances.Balance(LedgerAccount.Cash(ProviderName.Offline)));
    }

    [Fact]
    public async Task A_charge_back_counts_against_what_can_still_be_refunded()
    {
        var payment = (await _desk.Receive(80, provider: ProviderName.Stripe)).Payment.Id;
        var chargeBack = await _desk.Ledger.RecordChargeBackAsync(_desk.Tenant, new ChargeBackRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Payment = payment, Amount = Usd(80), Reason = "fraudulent", ProviderReference = "dp_1",
        });

        Assert.Equal(Usd(80), chargeBack.Payment.ChargedBack);
        Assert.Equal(Usd(80), (await _desk.Balances()).ChargedBack);
        Assert.Equal(Usd(80), (await _desk.Balances()).Balance(LedgerAccount.Disputes));
        await Assert.ThrowsAsync<RefundExceedsRefundableException>(() => _desk.Refund(payment, 1));
    }

    [Fact]
    public async Task Voiding_a_corporate_payment_takes_back_its_credit_and_reopens_what_it_settled()
    {
        await _desk.Charge(100, Day(1, 31), "INV-0007");
        var payment = (await _desk.Receive(150)).Payment.Id;
        Assert.Equal(Usd(50), (await _desk.Balances()).CreditBalance);

        var cancelled = await _desk.Ledger.CancelPaymentAsync(_desk.Tenant, new CancelPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Reason = "transfer recalled by the bank",
        });

        Assert.Equal(PaymentStatus.Cancelled, cancelled.Payment.Status);
        Assert.Equal(LedgerTransactionKind.PaymentCancellation, cancelled.Transaction!.Kind);
        var balances = await _desk.Balances();
        Assert.Equal(Usd(0), balances.CreditBalance);
        Assert.Equal(Usd(100), balances.AmountDue);
        Assert.Equal(Usd(0), balances.Paid);
        Assert.Equal(Usd(0), balances.Balance(LedgerAccount.Cash(ProviderName.Offline)));
    }

    [Fact]
    public async Task Cancelling_an_unpaid_payment_posts_nothing()
    {
        var payment = PaymentId.From("pay_po_9");
        await _desk.Ledger.RecordPaymentAsync(_desk.Tenant, new RecordPaymentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Customer = Acme, Amount = Usd(10), DueDate = Day(1, 31), Provider = ProviderName.Offline,
        });

        var cancelled = await _desk.Ledger.CancelPaymentAsync(_desk.Tenant, new CancelPaymentRequest { IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = payment, Reason = "order withdrawn" });

        Assert.Null(cancelled.Transaction);
        Assert.Equal("order withdrawn", cancelled.Payment.CancellationReason);
        Assert.Empty(await _desk.Ledger.GetTransactionsAsync(_desk.Tenant, 0, 10));
    }

    [Fact]
    public async Task A_correction_reduces_revenue_while_goodwill_and_promotions_are_adjustments()
    {
        await _desk.Charge(100, Day(1, 31));
        var correction = await _desk.Ledger.GrantCreditAsync(_desk.Tenant, new CreditRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(40), Kind = CreditKind.Correction, Reason = "billed 5 seats instead of 3",
        });
        var promotion = await _desk.Ledger.GrantCreditAsync(_desk.Tenant, new CreditRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(100), Kind = CreditKind.Promotional, Reason = "onboarding incentive",
        });

        Assert.Contains(correction.Postings, p => p.Account == LedgerAccount.Revenue && p.Side == PostingSide.Debit);
        Assert.Contains(promotion.Postings, p => p.Account == LedgerAccount.Adjustments && p.Side == PostingSide.Debit);
        var balances = await _desk.Balances();
        Assert.Equal(Usd(60), balances.Balance(LedgerAccount.Revenue));
        Assert.Equal(Usd(0), balances.AmountDue);
        Assert.Equal(Usd(40), balances.CreditBalance);
        Assert.Equal(Usd(140), balances.Credited);
    }

    [Fact]
    public async Task Manual_adjustments_move_what_is_owed_both_ways()
    {
        await _desk.Ledger.PostAdjustmentAsync(_desk.Tenant, new AdjustmentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(25), Direction = AdjustmentDirection.IncreaseDue, Reason = "late fee agreed by phone", DueDate = Day(2, 1),
        });
        Assert.Equal(Usd(25), (await _desk.Balances()).AmountDue);

        await _desk.Ledger.PostAdjustmentAsync(_desk.Tenant, new AdjustmentRequest
        {
            IdempotencyKey = _desk.NextKey(), Actor = Admin, Amount = Usd(35), Direction = AdjustmentDirection.DecreaseDue, Reason = "late fee waived, plus goodwill",
        });
        var balances = await _desk.Balances();
        Assert.Equal(Usd(0), balances.AmountDue);
        Assert.Equal(Usd(10), balances.CreditBalance);
        Assert.Equal(Usd(10), balances.Balance(LedgerAccount.Adjustments));
    }

    [Fact]
    public async Task Retrying_with_the_same_key_returns_the_first_result_and_writes_nothing()
    {
        var request = new ChargeRequest { IdempotencyKey = IdempotencyKey.Derive("charge", "inv_1"), Actor = Actor.System, Amount = Usd(10), DueDate = Day(1, 31) };
        var first = await _desk.Ledger.PostChargeAsync(_desk.Tenant, request);
        var again = await _desk.Ledger.PostChargeAsync(_desk.Tenant, request with { Actor = Finance });

        Assert.Same(first, again);
        Assert.Equal(1, (await _desk.Balances()).TransactionCount);

        var conflict = await Assert.ThrowsAsync<IdempotencyConflictException>(() => _desk.Ledger.PostChargeAsync(_desk.Tenant, request with { Amount = Usd(11) }));
        Assert.Equal(request.IdempotencyKey, conflict.Key);
        Assert.Equal(Usd(10), (await _desk.Balances()).AmountDue);
    }

    [Fact]
    public async Task A_replayed_refund_is_not_refused_even_though_nothing_is_left_to_refund()
    {
        var payment = (await _desk.Receive(10)).Payment.Id;
        var refund = new RefundRequest { IdempotencyKey = IdempotencyKey.Derive("refund", payment.Value, "1"), Actor = Finance, Payment = payment, Amount = Usd(10), Reason = "cancelled order" };

        var first = await _desk.Ledger.RefundAsync(_desk.Tenant, refund);
        var again = await _desk.Ledger.RefundAsync(_desk.Tenant, refund);

        Assert.False(first.IsReplay);
        Assert.True(again.IsReplay);
        Assert.Same(first.Transaction, again.Transaction);
        Assert.Equal(Usd(10), (await _desk.Balances()).Refunded);
    }

    [Fact]
    public async Task Each_currency_has_its_own_books()
    {
        await _desk.Charge(10, Day(1, 31));
        await _desk.Ledger.PostChargeAsync(_desk.Tenant, new ChargeRequest { IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Amount = Money.FromMajor(5_000, Currency.NGN), DueDate = Day(1, 31) });

        var all = await _desk.Ledger.GetBalancesAsync(_desk.Tenant);

        Assert.Equal([Currency.NGN, Currency.USD], all.Select(b => b.Currency));
        Assert.Equal(Money.FromMajor(5_000, Currency.NGN), all[0].AmountDue);
        Assert.Equal(Usd(10), all[1].AmountDue);
        Assert.Equal(LedgerBalances.Empty(Currency.EUR).AmountDue, (await _desk.Ledger.GetBalancesAsync(_desk.Tenant, Currency.EUR)).AmountDue);
    }

    [Fact]
    public async Task Operations_in_one_unit_commit_together_or_not_at_all()
    {
        await using (var unit = await _desk.Units.BeginAsync(_desk.Tenant))
        {
            await _desk.Ledger.PostChargeAsync(unit, new ChargeRequest { IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Amount = Usd(10), DueDate = Day(1, 31) });
            Assert.Equal(Usd(10), (await _desk.Ledger.GetBalancesAsync(unit, Currency.USD)).AmountDue);
        }

        await Assert.ThrowsAsync<LedgerTenantNotFoundException>(() => _desk.Balances());

        await using (var unit = await _desk.Units.BeginAsync(_desk.Tenant))
        {
            await _desk.Ledger.PostChargeAsync(unit, new ChargeRequest { IdempotencyKey = _desk.NextKey(), Actor = Actor.System, Amount = Usd(10), DueDate = Day(1, 31) });
            await _desk.Ledger.ReceivePaymentAsync(unit, new ReceivePaymentRequest
            {
                IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = PaymentId.New(), Customer = Acme, Amount = Usd(10),
                Provider = ProviderName.Offline, Method = PaymentMethod.Cash, PaymentDate = Day(1, 2),
            });
            await unit.CommitAsync();
        }

        var balances = await _desk.Balances();
        Assert.Equal(2, balances.TransactionCount);
        Assert.Equal(Usd(0), balances.AmountDue);
    }
}
