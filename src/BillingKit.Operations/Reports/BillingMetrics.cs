using BillingKit.Dunning;
using BillingKit.Invoicing;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The reports' definitions as pure functions: how a subscription is normalized to a month, how it counts,
/// and a tenant's status from its subscriptions.</summary>
public static class BillingMetrics
{
    /// <summary>A subscription's price normalized to a month: monthly as is, quarterly divided by 3, annual divided
    /// by 12, each rounded half to even to the currency's minor unit (<see cref="Money.Divide"/> with
    /// <see cref="RoundingMode.HalfEven"/>). MRR sums these rounded amounts and never re-rounds.</summary>
    /// <param name="subscription">The subscription.</param>
    /// <returns>The monthly amount, in the subscription's currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscription"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The frequency is not Monthly, Quarterly or Annually.</exception>
    public static Money MonthlyAmount(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Frequency switch
        {
            BillingFrequency.Monthly => subscription.Price,
            BillingFrequency.Quarterly => subscription.Price.Divide(3m, RoundingMode.HalfEven),
            BillingFrequency.Annually => subscription.Price.Divide(12m, RoundingMode.HalfEven),
            _ => throw new ArgumentOutOfRangeException(nameof(subscription), subscription.Frequency, "Expected Monthly, Quarterly or Annually."),
        };
    }

    /// <summary>How a subscription counts on a day: canceled (or its end has come), in a trial (that has not ended),
    /// past due (the subscription, or the tenant's dunning state beyond active), or active.</summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="dunning">The tenant's dunning state, or <see langword="null"/> when it is not enrolled.</param>
    /// <param name="today">The day, in the tenant's time zone.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscription"/> is null.</exception>
    public static SubscriptionReportStatus Classify(Subscription subscription, DunningState? dunning, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Status == SubscriptionStatus.Canceled || (subscription.EndsOn is { } ends && ends <= today))
        {
            return SubscriptionReportStatus.Canceled;
        }

        if (subscription.Status == SubscriptionStatus.Trial && (subscription.TrialEnd is not { } trialEnd || trialEnd > today))
        {
            return SubscriptionReportStatus.Trial;
        }

        return subscription.Status == SubscriptionStatus.PastDue
            || dunning is DunningState.PastDue or DunningState.Degraded or DunningState.Restricted or DunningState.Suspended or DunningState.Unpaid
            ? SubscriptionReportStatus.PastDue
            : SubscriptionReportStatus.Active;
    }

    /// <summary>Whether a subscription in a status counts in MRR (active and past due do).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public static bool CountsInMrr(SubscriptionReportStatus status) =>
        status is SubscriptionReportStatus.Active or SubscriptionReportStatus.PastDue;

    /// <summary>A tenant's status from its subscriptions' statuses: past due if any is, else active, else trial, else
    /// canceled; no subscription when there are none.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The tenant's status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    public static TenantBillingStatus TenantStatus(IEnumerable<SubscriptionReportStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var seen = statuses.ToHashSet();
        return seen.Contains(SubscriptionReportStatus.PastDue) ? TenantBillingStatus.PastDue
            : seen.Contains(SubscriptionReportStatus.Active) ? TenantBillingStatus.Active
            : seen.Contains(SubscriptionReportStatus.Trial) ? TenantBillingStatus.Trial
            : seen.Contains(SubscriptionReportStatus.Canceled) ? TenantBillingStatus.Canceled
            : TenantBillingStatus.NoSubscription;
    }

    /// <summary>Sums amounts per currency, ordered by currency code.</summary>
    internal static IReadOnlyList<Money> SumByCurrency(IEnumerable<Money> amounts) =>
        [.. amounts.GroupBy(m => m.Currency)
            .Select(g => g.Aggregate(Money.Zero(g.Key), (sum, m) => sum + m))
            .OrderBy(m => m.Currency.Code, StringComparer.Ordinal)];
}
