using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>What a cancellation did.</summary>
/// <param name="Subscription">The subscription after it (canceled, or scheduled to cancel at period end).</param>
/// <param name="Refund">The prorated refund of unused time when one was asked for, or <see langword="null"/>.</param>
public sealed record CancellationResult(Subscription Subscription, RefundResult? Refund);
