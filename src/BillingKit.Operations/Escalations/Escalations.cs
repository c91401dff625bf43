using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>Raises cases: routes them through the matrix, stamps the SLA due time, logs, counts and delivers them
/// to the <see cref="IEscalationSink"/>.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class Escalations(IEscalationSink sink, IClock clock, IOptions<BillingDeskOptions> options, ILogger<Escalations>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<Escalations>.Instance;

    private readonly EscalationMatrix _matrix = new(options.Value.Escalations);

    public async ValueTask<Escalation> RaiseAsync(
        EscalationKind kind,
        string subject,
        TenantId? tenant,
        string? correlationId,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var escalation = _matrix.Route("esc_" + Guid.NewGuid().ToString("N"), kind, subject, tenant, correlationId, clock.GetCurrentInstant());
        BillingKitTelemetry.Escalation(kind, escalation.Route);
        DeskLog.EscalationRaised(_logger, escalation.Id, kind, escalation.Route, escalation.DueAt, subject);
        await sink.RaiseAsync(escalation, cancellationToken).ConfigureAwait(false);
        return escalation;
    }
}
