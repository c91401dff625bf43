using BillingKit.Dunning;
using BillingKit.Entitlements;
using BillingKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingKit.Operations;

/// <summary>
/// Dunning overrides at the desk: force a state, clear a forced state, change the contract mode, extend the grace.
/// Each is a desk action demanding <see cref="DeskPermission.ManageDunning"/> with a required reason; the override
/// (recorded by dunning with the actor and reason), the access level it implies (pushed to entitlements when the tenant
/// has them) and one audit record commit in one unit of work.
/// </summary>
/// <remarks>
/// <para>The audit record's target is the tenant id; its details hold the resulting <c>state</c>, <c>access</c> and
/// <c>forced</c> state and the <c>transitions</c> taken (<c>PastDue&gt;Suspended</c>). Dunning's refusals (an override
/// on a canceled subscription, clearing a force that is not there, grace when nothing is owed) throw and write
/// nothing.</para>
/// <para>Thread-safe; registered as a singleton.</para>
/// </remarks>
public sealed class DunningDesk
{
    private static readonly DeskAction Force = new("dunning.force-state", DeskPermission.ManageDunning);
    private static readonly DeskAction Clear = new("dunning.clear-forced-state", DeskPermission.ManageDunning);
    private static readonly DeskAction Mode = new("dunning.change-mode", DeskPermission.ManageDunning);
    private static readonly DeskAction Grace = new("dunning.extend-grace", DeskPermission.ManageDunning);

    private readonly DeskActionRunner _runner;
    private readonly DunningService _dunning;
    private readonly EntitlementService _entitlements;
    private readonly IEntitlementStore _entitlementStore;
    private readonly ILogger _logger;

    internal DunningDesk(DeskActionRunner runner, DunningService dunning, EntitlementService entitlements, IEntitlementStore entitlementStore, ILogger<DunningDesk>? logger)
    {
        _runner = runner;
        _dunning = dunning;
        _entitlements = entitlements;
        _entitlementStore = entitlementStore;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Forces a dunning state (or pins the current one with <see cref="ForcedState.NoChange"/>): automatic
    /// change stops until it is cleared. Writes one audit record <c>dunning.force-state</c>.</summary>
    /// <param name="request">Who forces it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="target">The state to force.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision: the new record, the transitions and the effects.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">The subscription is canceled.</exception>
    [DeskAction("dunning.force-state", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ForceStateAsync(DeskRequest request, ForcedState target, CancellationToken cancellationToken = default) =>
        ForceStateCoreAsync(null, request, target, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who forces it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="target">The state to force.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision: the new record, the transitions and the effects.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">The subscription is canceled.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("dunning.force-state", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ForceStateAsync(ITenantUnitOfWork unit, DeskRequest request, ForcedState target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ForceStateCoreAsync(unit, request, target, cancellationToken);
    }

    /// <summary>Clears a forced state and hands the tenant back to the machine, which moves it to where its balance,
    /// days past due and mode put it. Writes one audit record <c>dunning.clear-forced-state</c>.</summary>
    /// <param name="request">Who clears it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">No state is forced, or the subscription is canceled.</exception>
    [DeskAction("dunning.clear-forced-state", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ClearForcedStateAsync(DeskRequest request, CancellationToken cancellationToken = default) =>
        ClearForcedStateCoreAsync(null, request, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who clears it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">No state is forced, or the subscription is canceled.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("dunning.clear-forced-state", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ClearForcedStateAsync(ITenantUnitOfWork unit, DeskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ClearForcedStateCoreAsync(unit, request, cancellationToken);
    }

    /// <summary>Changes the tenant's contract mode (Standard, Enterprise, Government), effective at once. Writes one
    /// audit record <c>dunning.change-mode</c>.</summary>
    /// <param name="request">Who changes it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="mode">The new mode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">The subscription is canceled.</exception>
    [DeskAction("dunning.change-mode", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ChangeContractModeAsync(DeskRequest request, ContractMode mode, CancellationToken cancellationToken = default) =>
        ChangeContractModeCoreAsync(null, request, mode, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who changes it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="mode">The new mode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="DunningTransitionException">The subscription is canceled.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("dunning.change-mode", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ChangeContractModeAsync(ITenantUnitOfWork unit, DeskRequest request, ContractMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ChangeContractModeCoreAsync(unit, request, mode, cancellationToken);
    }

    /// <summary>Extends the open episode's grace by whole days: every later stage deadline moves back by that much.
    /// Writes one audit record <c>dunning.extend-grace</c> with <c>days</c> in its details.</summary>
    /// <param name="request">Who grants it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="days">1 to 365 days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="InvalidDunningOverrideException">The days are out of range, or nothing is owed.</exception>
    [DeskAction("dunning.extend-grace", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ExtendGraceAsync(DeskRequest request, int days, CancellationToken cancellationToken = default) =>
        ExtendGraceCoreAsync(null, request, days, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who grants it, for which tenant, and why; needs <see cref="DeskPermission.ManageDunning"/>.</param>
    /// <param name="days">1 to 365 days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Dunning's decision.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage dunning.</exception>
    /// <exception cref="DunningTenantNotFoundException">The tenant is not enrolled in dunning.</exception>
    /// <exception cref="InvalidDunningOverrideException">The days are out of range, or nothing is owed.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("dunning.extend-grace", DeskPermission.ManageDunning)]
    public Task<DunningDecision> ExtendGraceAsync(ITenantUnitOfWork unit, DeskRequest request, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ExtendGraceCoreAsync(unit, request, days, cancellationToken);
    }

    private async ValueTask<DunningDecision> OverrideAsync(DeskActionScope scope, DunningOverride dunningOverride, CancellationToken cancellationToken)
    {
        var decision = await _dunning.ApplyAsync(scope.Unit, dunningOverride, cancellationToken).ConfigureAwait(false);
        var change = decision.Effects.OfType<ChangeAccessLevel>().LastOrDefault();
        if (change is not null && await _entitlementStore.GetAsync(scope.Unit, cancellationToken).ConfigureAwait(false) is not null)
        {
            await _entitlements.SetAccessLevelAsync(scope.Unit, change.To, cancellationToken).ConfigureAwait(false);
        }

        var snapshot = decision.Snapshot;
        scope.Target = scope.Request.Tenant.Value;
        scope.Details["override"] = dunningOverride.Describe();
        scope.Details["state"] = snapshot.State.ToString();
        scope.Details["access"] = snapshot.Access.ToString();
        scope.Details["forced"] = snapshot.Forced?.ToString() ?? "none";
        if (decision.Transitions.Count > 0)
        {
            scope.Details["transitions"] = string.Join(",", decision.Transitions.Select(t => $"{t.From}>{t.To}"));
        }

        if (decision.Outcome == DunningOutcome.Ignored)
        {
            scope.Outcome = AuditOutcome.Refused;
            scope.Details["note"] = decision.Note ?? "ignored";
        }

        foreach (var transition in decision.Transitions)
        {
            var from = transition.From.ToString();
            var to = transition.To.ToString();
            BillingKitTelemetry.DunningTransition(from, to);
            DeskLog.DunningTransition(_logger, scope.Request.Tenant, from, to);
        }

        return decision;
    }

    private Task<DunningDecision> ForceStateCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, ForcedState target, CancellationToken cancellationToken) =>
        RunAsync(unit, Force, request, (scope, ct) => OverrideAsync(scope, new ForceStateOverride(scope.Now, scope.Request.Actor, scope.Request.Reason, target), ct), cancellationToken);

    private Task<DunningDecision> ClearForcedStateCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, CancellationToken cancellationToken) =>
        RunAsync(unit, Clear, request, (scope, ct) => OverrideAsync(scope, new ClearForcedStateOverride(scope.Now, scope.Request.Actor, scope.Request.Reason), ct), cancellationToken);

    private Task<DunningDecision> ChangeContractModeCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, ContractMode mode, CancellationToken cancellationToken) =>
        RunAsync(unit, Mode, request, (scope, ct) => OverrideAsync(scope, new ContractModeOverride(scope.Now, scope.Request.Actor, scope.Request.Reason, mode), ct), cancellationToken);

    private Task<DunningDecision> ExtendGraceCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, int days, CancellationToken cancellationToken) =>
        RunAsync(
            unit,
            Grace,
            request,
            (scope, ct) =>
            {
                scope.Details["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return OverrideAsync(scope, new GraceExtensionOverride(scope.Now, scope.Request.Actor, scope.Request.Reason, days), ct);
            },
            cancellationToken);

    private Task<T> RunAsync<T>(ITenantUnitOfWork? unit, DeskAction action, DeskRequest request, Func<DeskActionScope, CancellationToken, ValueTask<T>> body, CancellationToken cancellationToken) =>
        unit is null
            ? _runner.RunAsync(action, request, body, cancellationToken)
            : _runner.RunAsync(unit, action, request, body, cancellationToken);
}
