using System.Collections.Concurrent;
using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Dunning;

/// <summary>The dunning service: enrols tenants, applies payment events, ticks and admin overrides, and reads the desk view.</summary>
/// <remarks>
/// <para>Every mutating method comes in two forms: one takes the caller's <see cref="ITenantUnitOfWork"/> and only stages
/// the change (BillingKit.Operations composes it with the ledger and audit in one unit and commits), the other begins
/// and commits its own unit through <see cref="IUnitOfWorkFactory"/>.</para>
/// <para>Decisions are made by <see cref="DunningMachine.Decide"/>; the service carries out none of the returned effects
/// (charging, notifying, refreshing entitlements): the caller does. A decision that throws stages nothing.</para>
/// <para>The policy is <see cref="DunningOptions"/> named <see cref="DunningSnapshot.PolicyName"/>. Thread-safe.</para>
/// </remarks>
public sealed class DunningService
{
    private readonly IDunningStore _store;
    private readonly IUnitOfWorkFactory _units;
    private readonly IOptionsMonitor<DunningOptions> _options;
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<string, DunningPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    /// <param name="store">The dunning store.</param>
    /// <param name="units">Begins units of work.</param>
    /// <param name="options">The dunning options, by name.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DunningService(IDunningStore store, IUnitOfWorkFactory units, IOptionsMonitor<DunningOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _units = units;
        _options = options;
        _clock = clock;
        _options.OnChange((_, name) => _policies.TryRemove(name ?? Options.DefaultName, out DunningPolicy? _));
    }

    /// <summary>Enrols the unit's tenant in dunning (staged in the unit).</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="mode">The contract mode; null for the policy's <see cref="DunningOptions.DefaultContractMode"/>.</param>
    /// <param name="trialing">Whether the subscription starts in a trial.</param>
    /// <param name="policyName">The name of the <see cref="DunningOptions"/> to apply; null or empty for the default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="DunningTenantAlreadyEnrolledException">The tenant is already enrolled.</exception>
    /// <exception cref="OptionsValidationException">The named options are invalid.</exception>
    public async ValueTask<DunningSnapshot> EnrollAsync(ITenantUnitOfWork unit, ContractMode? mode = null, bool trialing = false, string? policyName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (await _store.GetAsync(unit, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new DunningTenantAlreadyEnrolledException(unit.Tenant);
        }

        var policy = Policy(policyName);
        var snapshot = DunningMachine.Enroll(unit.Tenant, mode ?? policy.DefaultContractMode, policy, _clock.GetCurrentInstant(), trialing, policyName);
        await _store.SaveAsync(unit, snapshot, [], null, cancellationToken).ConfigureAwait(false);
        return snapshot;
    }

    /// <summary>Enrols a tenant in dunning in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="mode">The contract mode; null for the policy's default.</param>
    /// <param name="trialing">Whether the subscription starts in a trial.</param>
    /// <param name="policyName">The name of the <see cref="DunningOptions"/> to apply; null or empty for the default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="DunningTenantAlreadyEnrolledException">The tenant is already enrolled.</exception>
    /// <exception cref="OptionsValidationException">The named options are invalid.</exception>
    public async ValueTask<DunningSnapshot> EnrollAsync(TenantId tenant, ContractMode? mode = null, bool trialing = false, string? policyName = null, CancellationToken cancellationToken = default)
    {
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var snapshot = await EnrollAsync(unit, mode, trialing, policyName, cancellationToken).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return snapshot;
        }
    }

    /// <summary>Applies an event (payment failed or succeeded, payment method updated, tick, cancellation, admin override)
    /// to the unit's tenant at the clock's current instant, staging the result in the unit.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="dunningEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision: new record, transitions and effects for the caller to carry out. Stale events are
    /// <see cref="DunningOutcome.Ignored"/> and change nothing.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled.</exception>
    /// <exception cref="DunningTransitionException">The event asks for a transition the lifecycle does not allow.</exception>
    /// <exception cref="InvalidDunningOverrideException">The override has nothing to act on.</exception>
    public ValueTask<DunningDecision> ApplyAsync(ITenantUnitOfWork unit, DunningEvent dunningEvent, CancellationToken cancellationToken = default) =>
        ApplyAtAsync(unit, dunningEvent, _clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Applies an event to a tenant in its own unit of work.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="dunningEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dunningEvent"/> is null.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled.</exception>
    /// <exception cref="DunningTransitionException">The event asks for a transition the lifecycle does not allow.</exception>
    /// <exception cref="InvalidDunningOverrideException">The override has nothing to act on.</exception>
    public async ValueTask<DunningDecision> ApplyAsync(TenantId tenant, DunningEvent dunningEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dunningEvent);
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var decision = await ApplyAsync(unit, dunningEvent, cancellationToken).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return decision;
        }
    }

    /// <summary>Reads a tenant's committed record.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record.</returns>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled.</exception>
    public async ValueTask<DunningSnapshot> GetAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        await _store.FindAsync(tenant, cancellationToken).ConfigureAwait(false) ?? throw new DunningTenantNotFoundException(tenant);

    /// <summary>The "failures and suspensions" view: every tenant in the lifecycle with state, days past due, contract
    /// mode, next action and when it is due, most days past due first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    public async ValueTask<IReadOnlyList<DunningStatusRow>> GetFailuresAndSuspensionsAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var snapshots = await _store.ListInLifecycleAsync(cancellationToken).ConfigureAwait(false);
        return [.. snapshots
            .Select(s =>
            {
                var (action, at) = DunningMachine.NextStep(s);
                return new DunningStatusRow(s.Tenant, s.State, s.Access, s.Mode, DunningMachine.DaysPastDue(s, now), s.RetriesAttempted, s.LastDeclineCode, s.Forced, action, at);
            })
            .OrderByDescending(r => r.DaysPastDue)
            .ThenBy(r => r.Tenant.Value, StringComparer.Ordinal)];
    }

    /// <summary>Reads a tenant's transition history, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transitions.</returns>
    public ValueTask<IReadOnlyList<DunningTransition>> GetTransitionsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _store.GetTransitionsAsync(tenant, cancellationToken);

    /// <summary>Reads a tenant's override audit history, oldest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overrides.</returns>
    public ValueTask<IReadOnlyList<DunningOverrideRecord>> GetOverridesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        _store.GetOverridesAsync(tenant, cancellationToken);

    internal async ValueTask<DunningDecision> ApplyAtAsync(ITenantUnitOfWork unit, DunningEvent dunningEvent, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(dunningEvent);
        var snapshot = await _store.GetAsync(unit, cancellationToken).ConfigureAwait(false) ?? throw new DunningTenantNotFoundException(unit.Tenant);
        var decision = DunningMachine.Decide(snapshot, dunningEvent, Policy(snapshot.PolicyName), now);
        if (decision.Outcome == DunningOutcome.Applied && (decision.Snapshot != snapshot || decision.Transitions.Count > 0 || decision.OverrideRecord is not null))
        {
            await _store.SaveAsync(unit, decision.Snapshot, decision.Transitions, decision.OverrideRecord, cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    private DunningPolicy Policy(string? name) =>
        _policies.GetOrAdd(string.IsNullOrEmpty(name) ? Options.DefaultName : name, key => DunningPolicy.Create(_options.Get(key)));
}
