using BillingKit.Invoicing;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Storage port of the plan changes scheduled for period end. Writes and the reads that decide them take the
/// tenant's unit of work, so a scheduled change commits with its subscriptions and audit record.
/// <see cref="InMemoryScheduledPlanChangeStore"/> is the default.
/// </summary>
public interface IScheduledPlanChangeStore
{
    /// <summary>Stages a new scheduled change or a new version of one (same <see cref="ScheduledPlanChange.Id"/>).</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="change">The change; its tenant must be the unit's.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    /// <exception cref="ArgumentException">The change is for another tenant than the unit.</exception>
    ValueTask SaveAsync(ITenantUnitOfWork unit, ScheduledPlanChange change, CancellationToken cancellationToken = default);

    /// <summary>Finds a scheduled change by id, as the unit sees it.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="changeId">Its id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The change, or <see langword="null"/>.</returns>
    ValueTask<ScheduledPlanChange?> FindAsync(ITenantUnitOfWork unit, string changeId, CancellationToken cancellationToken = default);

    /// <summary>Lists the pending changes that concern a subscription, as the old or the new one, as the unit sees them.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pending changes, oldest first.</returns>
    ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingForSubscriptionAsync(ITenantUnitOfWork unit, SubscriptionId subscription, CancellationToken cancellationToken = default);

    /// <summary>Lists every tenant's committed pending changes effective on or before a date.</summary>
    /// <param name="effectiveOnOrBefore">The latest effective date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changes by effective date, then in the order they were scheduled.</returns>
    ValueTask<IReadOnlyList<ScheduledPlanChange>> ListPendingDueAsync(LocalDate effectiveOnOrBefore, CancellationToken cancellationToken = default);
}
