using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Policies;

public class RefundPolicyTests
{
    private static readonly Instant RenewedAt = Instant.FromUtc(2026, 3, 1, 8, 0);
    private static readonly RefundPolicy Defaults = new(new RefundPolicyOptions());

    private static PaymentFacts Renewal(decimal usd = 49m, decimal refunded = 0m) => new()
    {
        Payment = PaymentId.From("pay_2001"),
        Tenant = DeskFixture.Tenant,
        Provider = ProviderName.Stripe,
        ProviderChargeId = "ch_1",
        Amount = Money.FromMajor(usd, Currency.USD),
        Refunded = Money.FromMajor(refunded, Currency.USD),
        PaidAt = RenewedAt,
        IsRenewal = true,
    };

    [Fact]
    public void An_accidental_renewal_is_refundable_within_7_days_and_needs_review_after()
    {
        var within = Defaults.Evaluate(Renewal(), Money.FromMajor(49m, Currency.USD), RefundCause.AccidentalRenewal, RenewedAt + Duration.FromDays(6));
        var after = Defaults.Evaluate(Renewal(), Money.FromMajor(49m, Currency.USD), RefundCause.AccidentalRenewal, RenewedAt + Duration.FromDays(8));

        Assert.Equal((RefundDecision.Allowed, "refund.accidental-renewal-window"), (within.Decision, within.Rule));
        Assert.Contains("6 days ago, within the 7 days", within.Explanation, StringComparison.Ordinal);
        Assert.Equal((RefundDecision.NeedsReview, "refund.not-covered"), (after.Decision, after.Rule));
    }

    [Fact]
    public void A_technical_error_or_a_duplicate_charge_is_refundable_at_any_time()
    {
        var late = RenewedAt + Duration.FromDays(90);
        Assert.Equal("refund.technical-error", Defaults.Evaluate(Renewal(), Money.FromMajor(10m, Currency.USD), RefundCause.TechnicalError, late).Rule);
        Assert.Equal("refund.duplicate-charge", Defaults.Evaluate(Renewal(), Money.FromMajor(49m, Currency.USD), RefundCause.DuplicateCharge, late).Rule);
    }

    [Fact]
    public void Rules_can_be_turned_off()
    {
        var strict = new RefundPolicy(new RefundPolicyOptions { AllowTechnicalErrors = false, AccidentalRenewalWindow = TimeSpan.Zero });

        Assert.Equal(RefundDecision.NeedsReview, strict.Evaluate(Renewal(), Money.FromMajor(10m, Currency.USD), RefundCause.TechnicalError, RenewedAt).Decision);
        Assert.Equal(RefundDecision.NeedsReview, strict.Evaluate(Renewal(), Money.FromMajor(10m, Currency.USD), RefundCause.AccidentalRenewal, RenewedAt).Decision);
    }

    [Fact]
    public void A_refund_above_what_is_left_is_refused_whatever_the_cause()
    {
        var verdict = Defaults.Evaluate(Renewal(refunded: 40m), Money.FromMajor(10m, Currency.USD), RefundCause.TechnicalError, RenewedAt);

        Assert.Equal((RefundDecision.Refused, "refund.above-refundable"), (verdict.Decision, verdict.Rule));
        Assert.Contains("USD 9.00 still refundable", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_payment_is_never_refunded() =>
        Assert.Equal("refund.payment-not-received", Defaults.Evaluate(Renewal() with { Succeeded = false }, Money.FromMajor(1m, Currency.USD), RefundCause.TechnicalError, RenewedAt).Rule);

    [Fact]
    public void A_goodwill_refund_needs_a_persons_review() =>
        Assert.Equal(RefundDecision.NeedsReview, Defaults.Evaluate(Renewal(), Money.FromMajor(5m, Currency.USD), RefundCause.Goodwill, RenewedAt).Decision);

    [Fact]
    public void The_policy_never_allows_more_than_the_refundable_amount() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Choose(1, 100_000).SelectMany(_ => Gen.Choose(0, 100_000), (paid, refunded) => (Paid: paid, Refunded: refunded)).ToArbitrary(),
            Gen.Choose(1, 200_000).ToArbitrary(),
            Gen.Elements(Enum.GetValues<RefundCause>()).ToArbitrary(),
            (amounts, requested, cause) =>
            {
                var (paid, refunded) = amounts;
                var payment = Renewal() with { Amount = Money.FromMinorUnits(paid, Currency.USD), Refunded = Money.FromMinorUnits(refunded, Currency.USD) };
                var verdict = Defaults.Evaluate(payment, Money.FromMinorUnits(requested, Currency.USD), cause, RenewedAt + Duration.FromDays(1));
                var refundable = Math.Max(0, paid - refunded);
                return (verdict.Decision == RefundDecision.Refused) == (requested > refundable);
            }));
}
