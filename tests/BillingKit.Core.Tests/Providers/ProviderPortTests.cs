using BillingKit.Providers;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;

namespace BillingKit.Core.Tests.Providers;

public class ProviderPortTests
{
    private static readonly Money Ten = Money.FromMinorUnits(1000, Currency.USD);

    [Fact]
    public void A_charge_of_zero_or_with_a_default_key_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SavedPaymentMethodCharge(PaymentId.From("p"), Money.Zero(Currency.USD), "c", "pm", IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new SavedPaymentMethodCharge(PaymentId.From("p"), Ten, "c", "pm", default));
        Assert.Throws<ArgumentException>(() => new SavedPaymentMethodCharge(default, Ten, "c", "pm", IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new SavedPaymentMethodCharge(PaymentId.From("p"), Ten, " ", "pm", IdempotencyKey.From("k")));
    }

    [Fact]
    public void A_refund_of_a_negative_amount_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RefundRequest("pi_1", IdempotencyKey.From("k")) { Amount = Money.FromMinorUnits(-1, Currency.USD) });
        Assert.Throws<ArgumentException>(() => new RefundRequest("", IdempotencyKey.From("k")));
    }

    [Fact]
    public void A_hosted_checkout_needs_a_positive_amount_a_payer_and_a_web_return_address()
    {
        var done = new Uri("https://pay.example.test/done");
        Assert.Throws<ArgumentOutOfRangeException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Money.Zero(Currency.USD), "a@b.c", done, IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(default, Ten, "a@b.c", done, IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, " ", done, IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", done, default));
        Assert.Throws<ArgumentNullException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", null!, IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", new Uri("/done", UriKind.Relative), IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", new Uri("ftp://pay.example.test/done"), IdempotencyKey.From("k")));
        Assert.Throws<ArgumentException>(() => new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", done, IdempotencyKey.From("k")) { CancelUrl = new Uri("javascript:alert(1)") });

        var request = new HostedCheckoutRequest(PaymentId.From("p"), Ten, "a@b.c", done, IdempotencyKey.From("k")) { CancelUrl = new Uri("http://localhost:5000/cancel") };
        Assert.Equal(done, request.ReturnUrl);
        Assert.Equal("http", request.CancelUrl!.Scheme);
    }

    [Fact]
    public void An_undefined_cancellation_timing_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SubscriptionCancellation("sub_1", (SubscriptionCancellationTiming)7, IdempotencyKey.From("k")));

    [Theory]
    [InlineData(ProviderErrorKind.RateLimited, true)]
    [InlineData(ProviderErrorKind.ProviderUnavailable, true)]
    [InlineData(ProviderErrorKind.Network, true)]
    [InlineData(ProviderErrorKind.Declined, false)]
    [InlineData(ProviderErrorKind.InvalidRequest, false)]
    [InlineData(ProviderErrorKind.NotFound, false)]
    [InlineData(ProviderErrorKind.Unauthorized, false)]
    public void Whether_a_retry_may_succeed_defaults_from_the_kind(ProviderErrorKind kind, bool transient)
    {
        var ex = new ProviderException(ProviderName.Stripe, kind, "code", "message");

        Assert.Equal(transient, ex.IsTransient);
        Assert.IsAssignableFrom<BillingException>(ex);
        Assert.False(new ProviderException(ProviderName.Stripe, kind, "code", "message") { IsTransient = false }.IsTransient);
    }

    [Fact]
    public void Webhook_headers_are_case_insensitive_and_repeated_ones_are_joined()
    {
        var request = new WebhookRequest("{}"u8.ToArray(), [new("Stripe-Signature", "t=1"), new("stripe-signature", "v1=ab")]);

        Assert.True(request.TryGetHeader("STRIPE-SIGNATURE", out var value));
        Assert.Equal("t=1,v1=ab", value);
        Assert.False(request.TryGetHeader("x-paystack-signature", out _));
    }

    [Fact]
    public void Resolution_is_a_mismatch_exactly_when_amount_or_currency_differ() =>
        PropertyTest.Check(Prop.ForAll(
            Generators.Currencies().SelectMany(c => Gen.Choose(1, 100_000), (c, units) => Money.FromMinorUnits(units, c)).ToArbitrary(),
            Generators.Currencies().SelectMany(c => Gen.Choose(1, 100_000), (c, units) => Money.FromMinorUnits(units, c)).ToArbitrary(),
            Gen.Elements(Enum.GetValues<ProviderPaymentStatus>()).ToArbitrary(),
            (expected, found, status) =>
            {
                var payment = new ProviderPayment { Provider = ProviderName.Stripe, ProviderPaymentId = "pi_1", Amount = found, Status = status };
                var resolution = PaymentResolution.FromPayment(payment, expected);
                var mismatch = expected.Currency != found.Currency || expected.MinorUnits != found.MinorUnits;
                return (resolution.Status == PaymentResolutionStatus.Mismatch) == mismatch
                    && ReferenceEquals(resolution.Payment, payment)
                    && (mismatch || resolution.Status == Expected(status));
            }));

    [Fact]
    public void Resolution_never_calls_an_unfinished_payment_settled()
    {
        foreach (var status in new[] { ProviderPaymentStatus.Incomplete, ProviderPaymentStatus.Processing, ProviderPaymentStatus.RequiresAction })
        {
            var payment = new ProviderPayment { Provider = ProviderName.Stripe, ProviderPaymentId = "pi_1", Amount = Ten, Status = status };
            Assert.Equal(PaymentResolutionStatus.StillProcessing, PaymentResolution.FromPayment(payment, Ten).Status);
        }
    }

    private static PaymentResolutionStatus Expected(ProviderPaymentStatus status) => status switch
    {
        ProviderPaymentStatus.Succeeded => PaymentResolutionStatus.Succeeded,
        ProviderPaymentStatus.Failed or ProviderPaymentStatus.Canceled => PaymentResolutionStatus.Failed,
        _ => PaymentResolutionStatus.StillProcessing,
    };
}
