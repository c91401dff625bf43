namespace BillingKit.Operations;

/// <summary>The pure dispute response policy over <see cref="DisputePolicyOptions"/> (an immutable copy).</summary>
internal sealed class DisputePolicy(DisputePolicyOptions options)
{
    public const string SuspectedFraud = "dispute.suspected-fraud";
    public const string BelowThreshold = "dispute.below-threshold";
    public const string UsageEvidence = "dispute.usage-evidence";
    public const string NoRule = "dispute.no-rule";

    private readonly bool _acceptFraud = options.AcceptSuspectedFraud;
    private readonly IReadOnlyDictionary<Currency, Money> _thresholds = options.Thresholds();

    public DisputeRecommendation Recommend(DisputeFacts dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        if (dispute.SuspectedFraud && _acceptFraud)
        {
            return new(DisputeResponse.Accept, SuspectedFraud, "The payment is suspected fraud: accept the dispute, and block the payment method.");
        }

        if (_thresholds.TryGetValue(dispute.Amount.Currency, out var threshold) && dispute.Amount < threshold)
        {
            return new(DisputeResponse.Accept, BelowThreshold, $"{dispute.Amount} is below the {threshold} threshold: challenging costs more than it recovers.");
        }

        if (dispute.UsageEvidenceExists)
        {
            return new(DisputeResponse.Challenge, UsageEvidence, "Usage evidence exists: challenge the dispute and submit it.");
        }

        return new(DisputeResponse.Review, NoRule, "No rule decides this dispute: a person with dispute permission reviews it before the response is due.");
    }
}
