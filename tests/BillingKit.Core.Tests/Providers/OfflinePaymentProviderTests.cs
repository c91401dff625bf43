using BillingKit.Providers;
using BillingKit.TestUtilities;

namespace BillingKit.Core.Tests.Providers;

public class OfflinePaymentProviderTests
{
    private readonly FakeClock _clock = FakeClock.AtNewYear2026();

    private OfflinePaymentProvider Provider() => new(_clock);

    [Fact]
    public async Task Recording_a_wire_transfer_is_a_manual_succeeded_payment_with_no_network()
    {
        var charge = new SavedPaymentMethodCharge(PaymentId.From("pay_1"), Money.FromMinorUnits(120_000, Currency.EUR), "cust_1", "WIRE-REF-2026-001", IdempotencyKey.From("inv_7:wire"));

        var payment = await Provider().ChargeSavedPaymentMethodAsync(charge);

        Assert.Equal(ProviderName.Offline, payment.Provider);
        Assert.Equal(ProviderPaymentStatus.Succeeded, payment.Status);
        Assert.True(payment.IsManual);
        Assert.Equal(Money.FromMinorUnits(120_000, Currency.EUR), payment.Amount);
        Assert.Equal("WIRE-REF-2026-001", payment.ProviderPaymentMethodId);
        Assert.Equal(PaymentId.From("pay_1"), payment.PaymentId);
        Assert.Equal(_clock.Now, payment.CreatedAt);
    }

    [Fact]
    public async Task A_retried_recording_returns_the_same_id()
    {
        var charge = new SavedPaymentMethodCharge(PaymentId.From("pay_1"), Money.FromMinorUnits(5000, Currency.USD), "cust_1", "CHK-1042", IdempotencyKey.From("inv_7:check"));

        var first = await Provider().ChargeSavedPaymentMethodAsync(charge);
        var again = await Provider().ChargeSavedPaymentMethodAsync(charge);

        Assert.Equal(first.ProviderPaymentId, again.ProviderPaymentId);
    }

    [Fact]
    public async Task A_refund_is_recorded_as_manual_with_its_amount()
    {
        var refund = await Provider().RefundAsync(new RefundRequest("offline_pay_inv_7:wire", IdempotencyKey.From("ref_1")) { Amount = Money.FromMinorUnits(2000, Currency.EUR), Reason = RefundReason.Goodwill });

        Assert.True(refund.IsManual);
        Assert.Equal(ProviderRefundStatus.Succeeded, refund.Status);
        Assert.Equal(Money.FromMinorUnits(2000, Currency.EUR), refund.Amount);
        Assert.Equal("offline_ref_ref_1", refund.ProviderRefundId);
    }

    [Fact]
    public async Task A_refund_without_an_amount_is_refused_because_nothing_is_kept_to_compute_it()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Provider().RefundAsync(new RefundRequest("offline_pay_1", IdempotencyKey.From("ref_1"))));

        Assert.Contains("explicit amount", ex.Message);
    }

    [Fact]
    public async Task Operations_needing_a_provider_are_refused_with_what_to_do_instead()
    {
        var provider = Provider();

        var checks = new (ProviderCapabilities Operation, Func<Task> Call)[]
        {
            (ProviderCapabilities.RetrievePayment, () => provider.GetPaymentAsync("x")),
            (ProviderCapabilities.RetrieveCustomer, () => provider.GetCustomerAsync("x")),
            (ProviderCapabilities.FindCustomersByEmail, () => Task.FromResult(provider.FindCustomersByEmailAsync("a@b.c"))),
            (ProviderCapabilities.SubmitDisputeEvidence, () => provider.SubmitDisputeEvidenceAsync(new DisputeEvidence("d", IdempotencyKey.From("k")))),
            (ProviderCapabilities.AcceptDispute, () => provider.AcceptDisputeAsync("d", IdempotencyKey.From("k"))),
            (ProviderCapabilities.CancelSubscription, () => provider.CancelSubscriptionAsync(new SubscriptionCancellation("s", SubscriptionCancellationTiming.Immediately, IdempotencyKey.From("k")))),
            (ProviderCapabilities.CancelSubscriptionAtPeriodEnd, () => provider.CancelSubscriptionAsync(new SubscriptionCancellation("s", SubscriptionCancellationTiming.AtPeriodEnd, IdempotencyKey.From("k")))),
            (ProviderCapabilities.ResolvePayment, () => provider.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("p"), Money.FromMinorUnits(1, Currency.USD)))),
            (ProviderCapabilities.HostedCheckout, () => provider.CreateHostedCheckoutAsync(new HostedCheckoutRequest(PaymentId.From("p"), Money.FromMinorUnits(1, Currency.USD), "a@b.c", new Uri("https://pay.example.test/done"), IdempotencyKey.From("k")))),
        };

        foreach (var (operation, call) in checks)
        {
            var ex = await Assert.ThrowsAsync<UnsupportedProviderOperationException>(call);
            Assert.Equal(operation, ex.Operation);
            Assert.Equal(ProviderName.Offline, ex.Provider);
            Assert.False(provider.Capabilities.HasFlag(operation));
        }
    }

    [Fact]
    public void Every_currency_is_supported()
    {
        var provider = Provider();

        Assert.All(Currency.All, c => Assert.True(provider.SupportsCurrency(c)));
    }
}
