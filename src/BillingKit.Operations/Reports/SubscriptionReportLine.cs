using BillingKit.Invoicing;

namespace BillingKit.Operations;

/// <summary>A subscription as the reports count it.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Status">How it counts.</param>
/// <param name="MonthlyAmount">Its contribution to MRR: the price normalized to a month (see
/// <see cref="BillingMetrics.MonthlyAmount"/>) when active or past due, else zero in its currency.</param>
public sealed record SubscriptionReportLine(Subscription Subscription, SubscriptionReportStatus Status, Money MonthlyAmount);
