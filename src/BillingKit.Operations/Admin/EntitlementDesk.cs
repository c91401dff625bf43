using System.Collections.Immutable;
using System.Globalization;
using BillingKit.Entitlements;
using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Entitlement overrides at the desk: put a tenant on a plan, override a quota or features, remove an override, grant
/// or revoke a grace allowance. Each is a desk action demanding <see cref="DeskPermission.ManageEntitlements"/> with a
/// required reason (also stored with the override); the change and one audit record commit in one unit of work, and
/// the change reaches the gate when it commits.
/// </summary>
/// <remarks>Bad input (an unknown plan, a tenant without a plan, malformed feature JSON, zero units or hours) throws
/// the entitlements context's exception and writes nothing. Thread-safe; registered as a singleton.</remarks>
public sealed class EntitlementDesk
{
    private static readonly DeskAction Plan = new("entitlements.set-plan", DeskPermission.ManageEntitlements);
    private static readonly DeskAction Quota = new("entitlements.override-quota", DeskPermission.ManageEntitlements);
    private static readonly DeskAction RemoveQuota = new("entitlements.remove-quota-override", DeskPermission.ManageEntitlements);
    private static readonly DeskAction Features = new("entitlements.override-features", DeskPermission.ManageEntitlements);
    private static readonly DeskAction RemoveFeature = new("entitlements.remove-feature-override", DeskPermission.ManageEntitlements);
    private static readonly DeskAction Grace = new("entitlements.grant-grace", DeskPermission.ManageEntitlements);
    private static readonly DeskAction Revoke = new("entitlements.revoke-grace", DeskPermission.ManageEntitlements);

    private readonly DeskActionRunner _runner;
    private readonly EntitlementService _entitlements;

    internal EntitlementDesk(DeskActionRunner runner, EntitlementService entitlements)
    {
        _runner = runner;
        _entitlements = entitlements;
    }

    /// <summary>Puts the tenant on a plan for its entitlements (creating them on first use), keeping usage, overrides
    /// and grace. Writes one audit record <c>entitlements.set-plan</c> whose target is the plan id.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="plan">A plan registered in <see cref="EntitlementOptions.Plans"/>.</param>
    /// <param name="cycleAnchor">The billing-cycle anchor from which usage periods are laid out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's new entitlements.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownPlanException">The plan is not registered.</exception>
    [DeskAction("entitlements.set-plan", DeskPermission.ManageEntitlements)]
    public Task<TenantEntitlements> SetPlanAsync(DeskRequest request, PlanId plan, LocalDate cycleAnchor, CancellationToken cancellationToken = default) =>
        SetPlanCoreAsync(null, request, plan, cycleAnchor, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="plan">A plan registered in <see cref="EntitlementOptions.Plans"/>.</param>
    /// <param name="cycleAnchor">The billing-cycle anchor from which usage periods are laid out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's new entitlements.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownPlanException">The plan is not registered.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.set-plan", DeskPermission.ManageEntitlements)]
    public Task<TenantEntitlements> SetPlanAsync(ITenantUnitOfWork unit, DeskRequest request, PlanId plan, LocalDate cycleAnchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return SetPlanCoreAsync(unit, request, plan, cycleAnchor, cancellationToken);
    }

    /// <summary>Overrides a metric's quota (replacing the plan's until removed). Writes one audit record
    /// <c>entitlements.override-quota</c> whose target is the metric key and whose details hold the <c>quota</c>.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="quota">The quota, such as <c>Quota.Of(10_000)</c> or <see cref="Entitlements.Quota.Unlimited"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    [DeskAction("entitlements.override-quota", DeskPermission.ManageEntitlements)]
    public Task<QuotaOverride> SetQuotaOverrideAsync(DeskRequest request, Metric metric, Quota quota, CancellationToken cancellationToken = default) =>
        SetQuotaOverrideCoreAsync(null, request, metric, quota, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="quota">The quota, such as <c>Quota.Of(10_000)</c> or <see cref="Entitlements.Quota.Unlimited"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The override.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.override-quota", DeskPermission.ManageEntitlements)]
    public Task<QuotaOverride> SetQuotaOverrideAsync(ITenantUnitOfWork unit, DeskRequest request, Metric metric, Quota quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return SetQuotaOverrideCoreAsync(unit, request, metric, quota, cancellationToken);
    }

    /// <summary>Removes a metric's quota override, so the plan's quota applies again. Writes one audit record
    /// <c>entitlements.remove-quota-override</c> with <c>removed</c> (true or false) in its details.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    [DeskAction("entitlements.remove-quota-override", DeskPermission.ManageEntitlements)]
    public Task<bool> RemoveQuotaOverrideAsync(DeskRequest request, Metric metric, CancellationToken cancellationToken = default) =>
        RemoveQuotaOverrideCoreAsync(null, request, metric, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.remove-quota-override", DeskPermission.ManageEntitlements)]
    public Task<bool> RemoveQuotaOverrideAsync(ITenantUnitOfWork unit, DeskRequest request, Metric metric, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return RemoveQuotaOverrideCoreAsync(unit, request, metric, cancellationToken);
    }

    /// <summary>Overrides features from a JSON object (<c>{"sso": true, "seats_cap": 50, "region": "eu"}</c>;
    /// <c>null</c> removes that feature's override). Writes one audit record <c>entitlements.override-features</c>
    /// with the feature keys in its details.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="json">The JSON object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's feature overrides after the change.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="InvalidFeatureOverrideException">The JSON is malformed or holds values that are not allowed.</exception>
    [DeskAction("entitlements.override-features", DeskPermission.ManageEntitlements)]
    public Task<ImmutableDictionary<Feature, FeatureOverride>> SetFeatureOverridesAsync(DeskRequest request, string json, CancellationToken cancellationToken = default) =>
        SetFeatureOverridesCoreAsync(null, request, json, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="json">The JSON object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant's feature overrides after the change.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="InvalidFeatureOverrideException">The JSON is malformed or holds values that are not allowed.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.override-features", DeskPermission.ManageEntitlements)]
    public Task<ImmutableDictionary<Feature, FeatureOverride>> SetFeatureOverridesAsync(ITenantUnitOfWork unit, DeskRequest request, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return SetFeatureOverridesCoreAsync(unit, request, json, cancellationToken);
    }

    /// <summary>Removes a feature's override, so the plan's value applies again. Writes one audit record
    /// <c>entitlements.remove-feature-override</c> with <c>removed</c> in its details.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    [DeskAction("entitlements.remove-feature-override", DeskPermission.ManageEntitlements)]
    public Task<bool> RemoveFeatureOverrideAsync(DeskRequest request, Feature feature, CancellationToken cancellationToken = default) =>
        RemoveFeatureOverrideCoreAsync(null, request, feature, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when there was an override to remove.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.remove-feature-override", DeskPermission.ManageEntitlements)]
    public Task<bool> RemoveFeatureOverrideAsync(ITenantUnitOfWork unit, DeskRequest request, Feature feature, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return RemoveFeatureOverrideCoreAsync(unit, request, feature, cancellationToken);
    }

    /// <summary>Grants a grace allowance: extra units on one metric for some hours from now. Writes one audit record
    /// <c>entitlements.grant-grace</c> whose target is the allowance id, with <c>metric</c>, <c>units</c> and
    /// <c>hours</c> in its details.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="extraUnits">The extra units, above zero.</param>
    /// <param name="durationHours">How long it lasts, above zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The units or hours are zero or negative.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    [DeskAction("entitlements.grant-grace", DeskPermission.ManageEntitlements)]
    public Task<GraceAllowance> GrantGraceAllowanceAsync(DeskRequest request, Metric metric, long extraUnits, int durationHours, CancellationToken cancellationToken = default) =>
        GrantGraceAllowanceCoreAsync(null, request, metric, extraUnits, durationHours, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="extraUnits">The extra units, above zero.</param>
    /// <param name="durationHours">How long it lasts, above zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The units or hours are zero or negative.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.grant-grace", DeskPermission.ManageEntitlements)]
    public Task<GraceAllowance> GrantGraceAllowanceAsync(ITenantUnitOfWork unit, DeskRequest request, Metric metric, long extraUnits, int durationHours, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return GrantGraceAllowanceCoreAsync(unit, request, metric, extraUnits, durationHours, cancellationToken);
    }

    /// <summary>Revokes a grace allowance before it expires. Writes one audit record <c>entitlements.revoke-grace</c>
    /// whose target is the allowance id, with <c>removed</c> in its details.</summary>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="graceId">The allowance's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the allowance existed.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    [DeskAction("entitlements.revoke-grace", DeskPermission.ManageEntitlements)]
    public Task<bool> RevokeGraceAllowanceAsync(DeskRequest request, Guid graceId, CancellationToken cancellationToken = default) =>
        RevokeGraceAllowanceCoreAsync(null, request, graceId, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who, for which tenant, and why; needs <see cref="DeskPermission.ManageEntitlements"/>.</param>
    /// <param name="graceId">The allowance's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the allowance existed.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage entitlements.</exception>
    /// <exception cref="UnknownTenantException">The tenant has no plan.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("entitlements.revoke-grace", DeskPermission.ManageEntitlements)]
    public Task<bool> RevokeGraceAllowanceAsync(ITenantUnitOfWork unit, DeskRequest request, Guid graceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return RevokeGraceAllowanceCoreAsync(unit, request, graceId, cancellationToken);
    }

    private Task<TenantEntitlements> SetPlanCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, PlanId plan, LocalDate cycleAnchor, CancellationToken cancellationToken) =>
        RunAsync(
            unit,
            Plan,
            request,
            async (scope, ct) =>
            {
                var result = await _entitlements.SetPlanAsync(scope.Unit, plan, cycleAnchor, ct).ConfigureAwait(false);
                scope.Target = plan.Value;
                scope.Details["cycle-anchor"] = cycleAnchor.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
                return result;
            },
            cancellationToken);

    private Task<QuotaOverride> SetQuotaOverrideCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, Metric metric, Quota quota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return RunAsync(
            unit,
            Quota,
            request,
            async (scope, ct) =>
            {
                var result = await _entitlements.SetQuotaOverrideAsync(scope.Unit, metric, quota, scope.Request.Reason, ct).ConfigureAwait(false);
                scope.Target = metric.Key;
                scope.Details["quota"] = quota.ToString();
                return result;
            },
            cancellationToken);
    }

    private Task<bool> RemoveQuotaOverrideCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, Metric metric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return RunAsync(
            unit,
            RemoveQuota,
            request,
            async (scope, ct) =>
            {
                var removed = await _entitlements.RemoveQuotaOverrideAsync(scope.Unit, metric, ct).ConfigureAwait(false);
                scope.Target = metric.Key;
                scope.Details["removed"] = removed ? "true" : "false";
                return removed;
            },
            cancellationToken);
    }

    private Task<ImmutableDictionary<Feature, FeatureOverride>> SetFeatureOverridesCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, string json, CancellationToken cancellationToken) =>
        RunAsync(
            unit,
            Features,
            request,
            async (scope, ct) =>
            {
                var result = await _entitlements.SetFeatureOverridesAsync(scope.Unit, json, scope.Request.Reason, ct).ConfigureAwait(false);
                scope.Details["features"] = string.Join(",", result.Keys.Select(f => f.Key).Order(StringComparer.Ordinal));
                return result;
            },
            cancellationToken);

    private Task<bool> RemoveFeatureOverrideCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, Feature feature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return RunAsync(
            unit,
            RemoveFeature,
            request,
            async (scope, ct) =>
            {
                var removed = await _entitlements.RemoveFeatureOverrideAsync(scope.Unit, feature, ct).ConfigureAwait(false);
                scope.Target = feature.Key;
                scope.Details["removed"] = removed ? "true" : "false";
                return removed;
            },
            cancellationToken);
    }

    private Task<GraceAllowance> GrantGraceAllowanceCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, Metric metric, long extraUnits, int durationHours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return RunAsync(
            unit,
            Grace,
            request,
            async (scope, ct) =>
            {
                var grace = await _entitlements.GrantGraceAsync(scope.Unit, metric, extraUnits, durationHours, scope.Request.Reason, ct).ConfigureAwait(false);
                scope.Target = grace.Id.ToString("D");
                scope.Details["metric"] = metric.Key;
                scope.Details["units"] = extraUnits.ToString(CultureInfo.InvariantCulture);
                scope.Details["hours"] = durationHours.ToString(CultureInfo.InvariantCulture);
                return grace;
            },
            cancellationToken);
    }

    private Task<bool> RevokeGraceAllowanceCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, Guid graceId, CancellationToken cancellationToken) =>
        RunAsync(
            unit,
            Revoke,
            request,
            async (scope, ct) =>
            {
                var removed = await _entitlements.RevokeGraceAsync(scope.Unit, graceId, ct).ConfigureAwait(false);
                scope.Target = graceId.ToString("D");
                scope.Details["removed"] = removed ? "true" : "false";
                return removed;
            },
            cancellationToken);

    private Task<T> RunAsync<T>(ITenantUnitOfWork? unit, DeskAction action, DeskRequest request, Func<DeskActionScope, CancellationToken, ValueTask<T>> body, CancellationToken cancellationToken) =>
        unit is null
            ? _runner.RunAsync(action, request, body, cancellationToken)
            : _runner.RunAsync(unit, action, request, body, cancellationToken);
}
