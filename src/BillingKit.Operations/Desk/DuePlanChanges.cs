using NodaTime;

namespace BillingKit.Operations;

/// <summary>Which scheduled plan changes are due at an instant. Pure.</summary>
/// <remarks>A change is due from the first instant of its effective date in UTC (the desk's dates are UTC dates)
/// while it is pending; an applied or canceled change is never due again, which makes applying them idempotent.</remarks>
internal static class DuePlanChanges
{
    public static bool IsDue(ScheduledPlanChange change, Instant now) =>
        change.Status == ScheduledPlanChangeStatus.Pending && change.EffectiveOn <= RefundDesk.Today(now);

    /// <summary>The due changes in the order to apply them: by effective date, then as they were scheduled.</summary>
    public static IReadOnlyList<ScheduledPlanChange> Select(IEnumerable<ScheduledPlanChange> changes, Instant now) =>
    [
        .. changes.Where(c => IsDue(c, now))
            .OrderBy(c => c.EffectiveOn)
            .ThenBy(c => c.ScheduledAt)
            .ThenBy(c => c.Id, StringComparer.Ordinal),
    ];
}
