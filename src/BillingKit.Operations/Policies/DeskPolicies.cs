using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The configured pure policies, for desk actions to evaluate and record: refund verdicts, dispute
/// recommendations and the duplicate-charge check.</summary>
/// <remarks>Thread-safe and immutable once built.</remarks>
internal sealed class DeskPolicies(IOptions<BillingDeskOptions> options)
{
    public RefundPolicy Refunds { get; } = new(options.Value.RefundPolicy);

    public DisputePolicy Disputes { get; } = new(options.Value.DisputePolicy);

    public RefundVerdict EvaluateRefund(PaymentFacts payment, Money requested, RefundCause cause, Instant now) =>
        Refunds.Evaluate(payment, requested, cause, now);

    public DisputeRecommendation RecommendDisputeResponse(DisputeFacts dispute) => Disputes.Recommend(dispute);

    public static IReadOnlyList<SuspectedDuplicateCharge> FindDuplicateCharges(IEnumerable<PaymentFacts> payments, DateTimeZone zone) =>
        DuplicateChargeCheck.Find(payments, zone);

    /// <summary>Writes a refund verdict into an action's audit details.</summary>
    public static void Record(DeskActionScope scope, RefundVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(verdict);
        scope.Details["policy.decision"] = verdict.Decision.ToString();
        scope.Details["policy.rule"] = verdict.Rule;
    }

    /// <summary>Writes a dispute recommendation into an action's audit details.</summary>
    public static void Record(DeskActionScope scope, DisputeRecommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(recommendation);
        scope.Details["policy.recommendation"] = recommendation.Response.ToString();
        scope.Details["policy.rule"] = recommendation.Rule;
    }
}
