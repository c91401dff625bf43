using BillingKit.Invoicing;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// A plan change at period end, recorded by <see cref="SubscriptionDesk.ChangePlanAsync(DeskRequest, SubscriptionId, PlanChange, CancellationToken)"/>
/// so that the tenant's entitlements move to the new plan when the period ends: <see cref="PlanChangeProcessor"/>
/// applies it on <see cref="EffectiveOn"/>. Immutable.
/// </summary>
/// <param name="Id">Its id (<c>spc_</c> and 32 hex digits).</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="Subscription">The subscription on the old plan, which ends on <see cref="EffectiveOn"/>.</param>
/// <param name="Next">The subscription on the new plan, which starts on <see cref="EffectiveOn"/>.</param>
/// <param name="From">The old plan.</param>
/// <param name="To">The new plan, which the entitlements take on <see cref="EffectiveOn"/>.</param>
/// <param name="EffectiveOn">The end of the old subscription's period (a UTC date): the day the change takes effect.</param>
/// <param name="ScheduledAt">When the desk recorded it.</param>
public sealed record ScheduledPlanChange(
    string Id,
    TenantId Tenant,
    SubscriptionId Subscription,
    SubscriptionId Next,
    PlanId From,
    PlanId To,
    LocalDate EffectiveOn,
    Instant ScheduledAt)
{
    /// <summary>Gets the status: pending until applied or canceled.</summary>
    public ScheduledPlanChangeStatus Status { get; init; } = ScheduledPlanChangeStatus.Pending;

    /// <summary>Gets when it was applied or canceled, or <see langword="null"/> while pending.</summary>
    public Instant? ResolvedAt { get; init; }

    /// <summary>Gets whether it is still pending and concerns <paramref name="subscription"/>, as the old or the new subscription.</summary>
    /// <param name="subscription">A subscription.</param>
    /// <returns><see langword="true"/> when a change to <paramref name="subscription"/> supersedes this one.</returns>
    internal bool IsPendingFor(SubscriptionId subscription) =>
        Status == ScheduledPlanChangeStatus.Pending && (Subscription == subscription || Next == subscription);

    internal ScheduledPlanChange Resolve(ScheduledPlanChangeStatus status, Instant at) => this with { Status = status, ResolvedAt = at };
}
