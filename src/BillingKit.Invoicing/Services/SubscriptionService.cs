using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>Creates and cancels subscriptions and keeps their payment schedules (see <see cref="PaymentSchedule"/>).</summary>
/// <remarks>Every mutating method comes in a form that takes the caller's <see cref="ITenantUnitOfWork"/> and one that
/// begins and commits its own. Checks run before anything is staged. Thread-safe.</remarks>
public sealed class SubscriptionService
{
    private readonly ISubscriptionStore _subscriptions;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;
    private readonly int _rollingPeriods;

    /// <summary>Creates the service.</summary>
    /// <param name="subscriptions">The subscription store.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The invoicing options (time zone, rolling schedule length).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options' time zone is unknown.</exception>
    public SubscriptionService(ISubscriptionStore subscriptions, IUnitOfWorkFactory units, IClock clock, IOptions<InvoicingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _subscriptions = subscriptions;
        _units = units;
        _clock = clock;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.Value.TimeZoneId)
            ?? throw new ArgumentException($"'{options.Value.TimeZoneId}' is not an IANA time zone id.", nameof(options));
        _rollingPeriods = options.Value.RollingSchedulePeriods;
    }

    /// <summary>Creates a subscription and its payment schedule in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="terms">The subscription's terms.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">The terms are invalid.</exception>
    public ValueTask<Subscription> CreateAsync(TenantId tenant, NewSubscription terms, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => CreateAsync(unit, terms, cancellationToken), cancellationToken);

    /// <summary>Creates a subscription and its payment schedule within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="terms">The subscription's terms.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">The terms are invalid.</exception>
    public async ValueTask<Subscription> CreateAsync(ITenantUnitOfWork unit, NewSubscription terms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var subscription = Subscription.Create(SubscriptionId.New(), terms);
        await _subscriptions.SaveAsync(unit, subscription, PaymentSchedule.Generate(subscription, _rollingPeriods), cancellationToken).ConfigureAwait(false);
        return subscription;
    }

    /// <summary>Cancels a subscription today (in the configured time zone), immediately or at period end, in its own unit
    /// of work; the pending payments from the day service ends are canceled.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="timing">When the cancellation takes effect.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The canceled subscription.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is already canceled or scheduled to cancel.</exception>
    public ValueTask<Subscription> CancelAsync(TenantId tenant, SubscriptionId subscriptionId, CancellationTiming timing, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => CancelAsync(unit, subscriptionId, timing, cancellationToken), cancellationToken);

    /// <summary>Cancels a subscription within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="timing">When the cancellation takes effect.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The canceled subscription.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is already canceled or scheduled to cancel.</exception>
    public async ValueTask<Subscription> CancelAsync(ITenantUnitOfWork unit, SubscriptionId subscriptionId, CancellationTiming timing, CancellationToken cancellationToken = default)
    {
        var subscription = await RequireAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var canceled = subscription.Cancel(UnitRunner.Today(_clock, _zone), timing);
        var schedule = await _subscriptions.FindScheduleAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        await _subscriptions.SaveAsync(unit, canceled, PaymentSchedule.CancelFrom(schedule, canceled.EndsOn!.Value), cancellationToken).ConfigureAwait(false);
        return canceled;
    }

    /// <summary>Moves a trial's end later in its own unit of work: the subscription keeps its id and terms, and its
    /// payment schedule is laid out again from the new trial end.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription, in its trial.</param>
    /// <param name="newTrialEnd">The new trial end, after the current one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription with the later trial end.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is not in its trial, it is scheduled to cancel, the new end is
    /// not after the current one, or a payment of its schedule is already paid.</exception>
    public ValueTask<Subscription> ExtendTrialAsync(TenantId tenant, SubscriptionId subscriptionId, LocalDate newTrialEnd, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => ExtendTrialAsync(unit, subscriptionId, newTrialEnd, cancellationToken), cancellationToken);

    /// <summary>Moves a trial's end later within a unit of work: the subscription keeps its id and terms, and its
    /// payment schedule is laid out again from the new trial end.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="subscriptionId">The subscription, in its trial.</param>
    /// <param name="newTrialEnd">The new trial end, after the current one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The subscription with the later trial end.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">It is not in its trial, it is scheduled to cancel, the new end is
    /// not after the current one, or a payment of its schedule is already paid.</exception>
    public async ValueTask<Subscription> ExtendTrialAsync(ITenantUnitOfWork unit, SubscriptionId subscriptionId, LocalDate newTrialEnd, CancellationToken cancellationToken = default)
    {
        var subscription = await RequireAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var extended = subscription.ExtendTrial(newTrialEnd);
        var schedule = await _subscriptions.FindScheduleAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var regenerated = PaymentSchedule.RegenerateAfterTrialExtension(schedule, extended, _rollingPeriods);
        await _subscriptions.SaveAsync(unit, extended, regenerated, cancellationToken).ConfigureAwait(false);
        return extended;
    }

    /// <summary>Applies a status change (end of trial, past due, paid up, or completing a period-end cancellation) in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="change">The change, for example <c>s => s.MarkPastDue()</c> or <c>s => s.EndTrial()</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed subscription.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">The change is not allowed from its status.</exception>
    /// <exception cref="InvalidOperationException">The change returned another subscription, or canceled it (use <see cref="CancelAsync(TenantId, SubscriptionId, CancellationTiming, CancellationToken)"/>).</exception>
    public ValueTask<Subscription> ChangeStatusAsync(TenantId tenant, SubscriptionId subscriptionId, Func<Subscription, Subscription> change, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => ChangeStatusAsync(unit, subscriptionId, change, cancellationToken), cancellationToken);

    /// <summary>Applies a status change within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed subscription.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="SubscriptionStateException">The change is not allowed from its status.</exception>
    /// <exception cref="InvalidOperationException">The change returned another subscription, or canceled it.</exception>
    public async ValueTask<Subscription> ChangeStatusAsync(ITenantUnitOfWork unit, SubscriptionId subscriptionId, Func<Subscription, Subscription> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var subscription = await RequireAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var changed = change(subscription);
        if (changed is null || changed.Id != subscription.Id || changed.EndsOn != subscription.EndsOn)
        {
            throw new InvalidOperationException("A status change must return the same subscription with the same end; cancel through CancelAsync so that its schedule is updated.");
        }

        var schedule = await _subscriptions.FindScheduleAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        await _subscriptions.SaveAsync(unit, changed, schedule, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Marks one scheduled payment paid in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="sequence">The payment's sequence number in the schedule.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated schedule.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No payment has that sequence number.</exception>
    /// <exception cref="InvalidOperationException">The payment is not pending.</exception>
    public ValueTask<IReadOnlyList<ScheduledPayment>> MarkScheduledPaymentPaidAsync(TenantId tenant, SubscriptionId subscriptionId, int sequence, CancellationToken cancellationToken = default) =>
        UnitRunner.RunAsync(_units, tenant, unit => MarkScheduledPaymentPaidAsync(unit, subscriptionId, sequence, cancellationToken), cancellationToken);

    /// <summary>Marks one scheduled payment paid within a unit of work.</summary>
    /// <param name="unit">The unit; its owner commits it.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="sequence">The payment's sequence number in the schedule.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated schedule.</returns>
    /// <exception cref="InvoicingNotFoundException">No such subscription.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No payment has that sequence number.</exception>
    /// <exception cref="InvalidOperationException">The payment is not pending.</exception>
    public async ValueTask<IReadOnlyList<ScheduledPayment>> MarkScheduledPaymentPaidAsync(ITenantUnitOfWork unit, SubscriptionId subscriptionId, int sequence, CancellationToken cancellationToken = default)
    {
        var subscription = await RequireAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var schedule = await _subscriptions.FindScheduleAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false);
        var updated = PaymentSchedule.MarkPaid(schedule, sequence);
        await _subscriptions.SaveAsync(unit, subscription, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Gets a committed subscription.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The subscription, or <see langword="null"/>.</returns>
    public ValueTask<Subscription?> GetAsync(TenantId tenant, SubscriptionId subscriptionId, CancellationToken cancellationToken = default) =>
        _subscriptions.GetAsync(tenant, subscriptionId, cancellationToken);

    /// <summary>Gets a committed subscription's payment schedule.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schedule in order; empty for an unknown subscription.</returns>
    public ValueTask<IReadOnlyList<ScheduledPayment>> GetScheduleAsync(TenantId tenant, SubscriptionId subscriptionId, CancellationToken cancellationToken = default) =>
        _subscriptions.GetScheduleAsync(tenant, subscriptionId, cancellationToken);

    private async ValueTask<Subscription> RequireAsync(ITenantUnitOfWork unit, SubscriptionId subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _subscriptions.FindAsync(unit, subscriptionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoicingNotFoundException(unit.Tenant, "subscription", subscriptionId.Value);
    }
}
