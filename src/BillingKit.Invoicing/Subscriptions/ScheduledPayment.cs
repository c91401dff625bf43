using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>One payment of a subscription's schedule: the period it pays for, when it is due and how much.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Sequence">Its position in the schedule, from 0.</param>
/// <param name="Period">The billing period it pays for (start inclusive, end exclusive).</param>
/// <param name="DueDate">When it is due: the period's first day (billing in advance).</param>
/// <param name="Amount">The amount.</param>
/// <param name="Status">Pending, paid or canceled.</param>
public sealed record ScheduledPayment(
    SubscriptionId SubscriptionId,
    int Sequence,
    BillingPeriod Period,
    LocalDate DueDate,
    Money Amount,
    ScheduledPaymentStatus Status);
