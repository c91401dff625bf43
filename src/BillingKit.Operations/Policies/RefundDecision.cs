namespace BillingKit.Operations;

/// <summary>What the refund policy says about a refund.</summary>
public enum RefundDecision
{
    /// <summary>A rule covers the refund: go ahead.</summary>
    Allowed = 0,

    /// <summary>No rule covers it: a person with refund permission decides, and the verdict is recorded.</summary>
    NeedsReview = 1,

    /// <summary>The refund cannot be made (above the refundable amount, or the payment received no money).</summary>
    Refused = 2,
}
