using System.Diagnostics;
using BillingKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Runs every desk action the same way: demand the permission (before anything is read or written), begin or join
/// the tenant's unit of work, run the action's body, append exactly one audit record in that unit, commit (when the
/// runner began the unit), and record the metric, log event and trace.
/// </summary>
/// <remarks>
/// <para>When the body throws, the exception propagates and the runner's own unit is discarded: nothing is written,
/// not even the audit record. A business refusal that should be recorded is returned by the body with
/// <see cref="DeskActionScope.Outcome"/> set to <see cref="AuditOutcome.Refused"/>.</para>
/// <para>A composite action (a cancellation with a refund) runs once and calls the unit-taking parts of the
/// contexts, never another desk action, so it still writes one audit record. Thread-safe.</para>
/// </remarks>
internal sealed class DeskActionRunner(
    IAuditLog auditLog,
    IUnitOfWorkFactory units,
    IClock clock,
    ILogger<DeskActionRunner>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DeskActionRunner>.Instance;

    /// <summary>Runs an action in a unit of work that the runner begins and commits.</summary>
    public async Task<T> RunAsync<T>(
        DeskAction action,
        DeskRequest request,
        Func<DeskActionScope, CancellationToken, ValueTask<T>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        Authorize(action, request);
        var unit = await units.BeginAsync(request.Tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var result = await RunCoreAsync(unit, action, request, body, cancellationToken).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    /// <summary>Runs an action inside a unit of work that the caller owns (and commits).</summary>
    public Task<T> RunAsync<T>(
        ITenantUnitOfWork unit,
        DeskAction action,
        DeskRequest request,
        Func<DeskActionScope, CancellationToken, ValueTask<T>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        if (unit.Tenant != request.Tenant)
        {
            throw new ArgumentException($"The unit of work is for tenant '{unit.Tenant}' but the request is for '{request.Tenant}'.", nameof(unit));
        }

        Authorize(action, request);
        return RunCoreAsync(unit, action, request, body, cancellationToken);
    }

    private void Authorize(DeskAction action, DeskRequest request)
    {
        if (!DeskAuthorizer.IsAllowed(request.Actor, action.Permission))
        {
            BillingKitTelemetry.DeskDenial(action.Name, request.Actor.Role);
            DeskLog.PermissionDenied(_logger, action.Name, request.Actor.Id, request.Actor.Role, request.Tenant, action.Permission);
            DeskAuthorizer.Demand(request.Actor, action.Permission);
        }
    }

    private async Task<T> RunCoreAsync<T>(
        ITenantUnitOfWork unit,
        DeskAction action,
        DeskRequest request,
        Func<DeskActionScope, CancellationToken, ValueTask<T>> body,
        CancellationToken cancellationToken)
    {
        using var activity = BillingKitTelemetry.Source.StartActivity("billingkit.desk " + action.Name, ActivityKind.Internal);
        activity?.SetTag("billingkit.action", action.Name);
        activity?.SetTag("billingkit.role", request.Actor.Role.ToString());
        var correlationId = request.CorrelationId
            ?? Activity.Current?.TraceId.ToHexString()
            ?? Guid.NewGuid().ToString("N");
        var scope = new DeskActionScope(unit, request, action, clock.GetCurrentInstant(), correlationId);
        T result;
        try
        {
            result = await body(scope, cancellationToken).ConfigureAwait(false);
            var record = new AuditRecord(
                "aud_" + Guid.NewGuid().ToString("N"),
                scope.Now,
                request.Tenant,
                request.Actor.Id,
                request.Actor.Role,
                action.Name,
                request.Reason,
                scope.Outcome)
            {
                Target = scope.Target,
                Amount = scope.Amount,
                CorrelationId = correlationId,
                Details = scope.Details,
            };
            await auditLog.AppendAsync(unit, record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            DeskLog.DeskActionFailed(_logger, action.Name, request.Actor.Id, request.Tenant, exception.GetType().Name);
            throw;
        }

        BillingKitTelemetry.DeskAction(action.Name, request.Actor.Role, scope.Outcome);
        DeskLog.DeskActionCompleted(_logger, action.Name, request.Actor.Id, request.Actor.Role, request.Tenant, scope.Outcome, correlationId);
        return result;
    }
}
