using static BillingKit.Ledger.Tests.LedgerFixture;

namespace BillingKit.Ledger.Tests;

public class LedgerConcurrencyTests
{
    [Fact]
    public async Task Many_parallel_refunds_against_one_payment_never_refund_more_than_was_paid()
    {
        var desk = new LedgerFixture();
        var payment = (await desk.Receive(100, provider: ProviderName.Stripe)).Payment.Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            try
            {
                await desk.Refund(payment, 7);
                return true;
            }
            catch (RefundExceedsRefundableException)
            {
                return false;
            }
        })));

        Assert.Equal(14, outcomes.Count(refunded => refunded));
        var stored = await desk.Ledger.GetPaymentAsync(desk.Tenant, payment);
        Assert.Equal(Usd(98), stored.Refunded);
        Assert.Equal(Usd(2), stored.Refundable);
        var balances = await desk.Balances();
        Assert.Equal(Usd(98), balances.Refunded);
        Assert.Equal(Usd(2), balances.Balance(LedgerAccount.Cash(ProviderName.Stripe)));
        Assert.Equal(15, balances.TransactionCount);
    }

    [Fact]
    public async Task Many_parallel_postings_with_one_idempotency_key_write_one_entry()
    {
        var desk = new LedgerFixture();
        var request = new ChargeRequest { IdempotencyKey = IdempotencyKey.Derive("invoice", "inv_42"), Actor = Actor.System, Amount = Usd(42), DueDate = Day(1, 31) };

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => desk.Ledger.PostChargeAsync(desk.Tenant, request))));

        Assert.Single(results.Select(t => t.Id).Distinct());
        var balances = await desk.Balances();
        Assert.Equal(1, balances.TransactionCount);
        Assert.Equal(Usd(42), balances.AmountDue);
    }

    [Fact]
    public async Task Tenants_post_in_parallel_without_seeing_each_other()
    {
        var desk = new LedgerFixture();
        var tenants = Enumerable.Range(0, 8).Select(i => TenantId.From("ten_" + i)).ToArray();

        await Task.WhenAll(tenants.SelectMany(tenant => Enumerable.Range(0, 25).Select(i => Task.Run(() => desk.Ledger.PostChargeAsync(tenant, new ChargeRequest
        {
            IdempotencyKey = IdempotencyKey.Derive("charge", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Actor = Actor.System, Amount = Usd(1), DueDate = Day(1, 31),
        })))));

        foreach (var tenant in tenants)
        {
            var balances = await desk.Ledger.GetBalancesAsync(tenant, Currency.USD);
            Assert.Equal(Usd(25), balances.AmountDue);
            Assert.Equal(25, balances.TransactionCount);
        }
    }
}
