namespace BillingKit.Operations;

/// <summary>What the dispute response policy needs to know about a dispute (charge-back).</summary>
/// <param name="Amount">The disputed amount.</param>
/// <param name="SuspectedFraud">Whether the payment is suspected fraud (the card's owner did not pay).</param>
/// <param name="UsageEvidenceExists">Whether we have evidence that the customer used what they paid for.</param>
public sealed record DisputeFacts(Money Amount, bool SuspectedFraud, bool UsageEvidenceExists);
