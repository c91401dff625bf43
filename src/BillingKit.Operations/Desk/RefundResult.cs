namespace BillingKit.Operations;

/// <summary>What a desk refund did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Payment">The refunded payment.</param>
/// <param name="Requested">The amount asked for.</param>
/// <param name="RefundableBefore">What was still refundable before it (paid, less refunds posted and pending, less charge-backs).</param>
/// <param name="Verdict">The refund policy's verdict, or <see langword="null"/> when refused before the policy (above the remainder) or when a pending refund was retried.</param>
/// <param name="Refund">The refund record (not for <see cref="RefundOutcome.Refused"/>).</param>
/// <param name="Explanation">Why, in words for the desk.</param>
public sealed record RefundResult(
    RefundOutcome Outcome,
    PaymentId Payment,
    Money Requested,
    Money RefundableBefore,
    RefundVerdict? Verdict,
    DeskRefund? Refund,
    string Explanation);
