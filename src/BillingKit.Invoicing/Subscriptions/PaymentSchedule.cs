using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Generates and updates subscriptions' payment schedules. Pure functions.</summary>
/// <remarks>
/// A schedule has one payment per billing period, due on the period's first day, laid out from the subscription's
/// <see cref="Subscription.BillingAnchor"/> by <see cref="BillingCalendar"/> (so month-end anchors are kept). The
/// periods meet end to start, so a fixed-term schedule covers its contract with no gap and no overlap: a subscription
/// starting January 1 at USD 89 a month on a 12-month contract has 12 payments due January 1 to December 1.
/// </remarks>
public static class PaymentSchedule
{
    /// <summary>Generates the whole schedule of a fixed-term subscription, or the next periods of a rolling one.</summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="rollingPeriods">How many periods to lay out for a rolling subscription (no contract length); at least 1.</param>
    /// <returns>The payments in order, all pending, ending at <see cref="Subscription.EndsOn"/> if the subscription is canceled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscription"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rollingPeriods"/> is less than 1.</exception>
    public static IReadOnlyList<ScheduledPayment> Generate(Subscription subscription, int rollingPeriods = 12)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentOutOfRangeException.ThrowIfLessThan(rollingPeriods, 1);
        var count = subscription.ContractPeriods ?? rollingPeriods;
        var payments = new List<ScheduledPayment>(count);
        for (var i = 0; i < count; i++)
        {
            var period = BillingCalendar.Period(subscription.BillingAnchor, subscription.Frequency, i);
            var status = subscription.EndsOn is { } ends && period.Start >= ends ? ScheduledPaymentStatus.Canceled : ScheduledPaymentStatus.Pending;
            payments.Add(new ScheduledPayment(subscription.Id, i, period, period.Start, subscription.Price, status));
        }

        return payments;
    }

    /// <summary>
    /// Lays out the schedule of a subscription whose trial was extended (<see cref="Subscription.ExtendTrial"/>) from its
    /// new billing anchor. In a trial nothing has been billed, so the whole schedule is still to come and is replaced:
    /// the same number of periods (a contract's length, or as many as the rolling schedule held, at least
    /// <paramref name="rollingPeriods"/>), all pending, from the new trial end.
    /// </summary>
    /// <param name="schedule">The schedule before the extension.</param>
    /// <param name="extended">The subscription with its new trial end.</param>
    /// <param name="rollingPeriods">The shortest rolling schedule to lay out; at least 1.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="SubscriptionStateException">A payment of the schedule is already paid: a paid period cannot
    /// move into a trial (refund or credit it first).</exception>
    internal static IReadOnlyList<ScheduledPayment> RegenerateAfterTrialExtension(IReadOnlyList<ScheduledPayment> schedule, Subscription extended, int rollingPeriods)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(extended);
        if (schedule.FirstOrDefault(p => p.Status == ScheduledPaymentStatus.Paid) is { } paid)
        {
            throw new SubscriptionStateException(
                extended.Id,
                extended.Status,
                "extend the trial",
                $"scheduled payment {paid.Sequence} (due {paid.DueDate:uuuu-MM-dd}) is already paid, and a paid period cannot move into the trial; refund or credit it first");
        }

        return Generate(extended, Math.Max(rollingPeriods, schedule.Count));
    }

    /// <summary>Cancels the pending payments that fall due on or after <paramref name="endsOn"/>; paid and earlier payments stay.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="endsOn">The day service ends (<see cref="Subscription.EndsOn"/>).</param>
    /// <returns>The updated schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static IReadOnlyList<ScheduledPayment> CancelFrom(IReadOnlyList<ScheduledPayment> schedule, LocalDate endsOn)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule
            .Select(p => p.Status == ScheduledPaymentStatus.Pending && p.DueDate >= endsOn ? p with { Status = ScheduledPaymentStatus.Canceled } : p)
            .ToArray();
    }

    /// <summary>Marks one pending payment paid.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="sequence">The payment's <see cref="ScheduledPayment.Sequence"/>.</param>
    /// <returns>The updated schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No payment has that sequence.</exception>
    /// <exception cref="InvalidOperationException">The payment is not pending.</exception>
    public static IReadOnlyList<ScheduledPayment> MarkPaid(IReadOnlyList<ScheduledPayment> schedule, int sequence)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var index = schedule.ToList().FindIndex(p => p.Sequence == sequence);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "No scheduled payment has that sequence number.");
        }

        if (schedule[index].Status != ScheduledPaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Scheduled payment {sequence} is {schedule[index].Status}; only pending payments can be marked paid.");
        }

        var updated = schedule.ToArray();
        updated[index] = updated[index] with { Status = ScheduledPaymentStatus.Paid };
        return updated;
    }
}
