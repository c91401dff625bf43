namespace BillingKit.Operations.Tests.Policies;

public class DisputePolicyTests
{
    private static readonly DisputePolicy Defaults = new(new DisputePolicyOptions());

    [Fact]
    public void A_dispute_under_USD_20_is_accepted()
    {
        var recommendation = Defaults.Recommend(new DisputeFacts(Money.FromMajor(15m, Currency.USD), SuspectedFraud: false, UsageEvidenceExists: true));
        Assert.Equal((DisputeResponse.Accept, "dispute.below-threshold"), (recommendation.Response, recommendation.Rule));
    }

    [Fact]
    public void Suspected_fraud_is_accepted_whatever_the_amount()
    {
        var recommendation = Defaults.Recommend(new DisputeFacts(Money.FromMajor(900m, Currency.USD), SuspectedFraud: true, UsageEvidenceExists: true));
        Assert.Equal((DisputeResponse.Accept, "dispute.suspected-fraud"), (recommendation.Response, recommendation.Rule));
    }

    [Fact]
    public void A_larger_dispute_with_usage_evidence_is_challenged_and_one_without_is_reviewed()
    {
        Assert.Equal(DisputeResponse.Challenge, Defaults.Recommend(new DisputeFacts(Money.FromMajor(20m, Currency.USD), false, true)).Response);
        Assert.Equal(DisputeResponse.Review, Defaults.Recommend(new DisputeFacts(Money.FromMajor(200m, Currency.USD), false, false)).Response);
    }

    [Fact]
    public void Thresholds_are_per_currency_and_configurable()
    {
        var policy = new DisputePolicy(new DisputePolicyOptions().SetAcceptBelow(Money.FromMajor(5_000m, Currency.KES)));

        Assert.Equal(DisputeResponse.Accept, policy.Recommend(new DisputeFacts(Money.FromMajor(4_999m, Currency.KES), false, true)).Response);
        Assert.Equal(DisputeResponse.Challenge, policy.Recommend(new DisputeFacts(Money.FromMinorUnits(1, Currency.JPY), false, true)).Response);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisputePolicyOptions().SetAcceptBelow(Money.FromMajor(-1m, Currency.USD)));
    }
}
