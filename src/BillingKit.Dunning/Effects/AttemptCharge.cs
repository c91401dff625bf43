namespace BillingKit.Dunning;

/// <summary>Charge the tenant's open balance now, then report the outcome as <see cref="PaymentSucceeded"/> or
/// <see cref="PaymentFailed"/>.</summary>
/// <param name="AttemptNumber">The attempt number (2 for the first retry).</param>
/// <param name="IdempotencyKey">A key derived from the tenant, the past-due episode and the attempt, so a repeated request charges once.</param>
public sealed record AttemptCharge(int AttemptNumber, IdempotencyKey IdempotencyKey) : DunningEffect;
