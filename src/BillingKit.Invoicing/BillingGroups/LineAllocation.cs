namespace BillingKit.Invoicing;

/// <summary>The part of a payment applied to one invoice line.</summary>
/// <param name="LineIndex">The line's position in <see cref="Invoice.Lines"/>.</param>
/// <param name="CustomerId">The customer the line belongs to, on a group invoice.</param>
/// <param name="SubscriptionId">The subscription the line bills for, if any.</param>
/// <param name="Amount">The amount applied; positive.</param>
public sealed record LineAllocation(int LineIndex, CustomerId? CustomerId, SubscriptionId? SubscriptionId, Money Amount);
