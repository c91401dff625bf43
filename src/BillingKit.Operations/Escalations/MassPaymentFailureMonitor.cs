using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Watches payment outcomes across every tenant and raises one <see cref="EscalationKind.MassPaymentFailure"/>
/// escalation per episode. The desk's provider event handler and dunning retries call <see cref="RecordAsync"/>
/// for every payment that succeeded or failed.
/// </summary>
/// <remarks>Thread-safe; keeps only the outcomes inside the window, with running counts. Outcomes are stamped with
/// the clock when recorded, so the window slides with the clock.</remarks>
internal sealed class MassPaymentFailureMonitor(
    Escalations escalations,
    IClock clock,
    IOptions<BillingDeskOptions> options,
    ILogger<MassPaymentFailureMonitor>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<MassPaymentFailureMonitor>.Instance;

    private readonly MassFailureSettings _settings = MassFailureSettings.From(options.Value.Escalations.MassPaymentFailure);
    private readonly Lock _gate = new();
    private readonly Queue<PaymentOutcomeSample> _window = new();
    private readonly Dictionary<TenantId, int> _failuresByTenant = [];
    private int _failures;
    private Instant? _episodeSince;

    /// <summary>Gets when the current episode began, or <see langword="null"/> when payments are failing normally.</summary>
    public Instant? EpisodeSince
    {
        get
        {
            lock (_gate)
            {
                return _episodeSince;
            }
        }
    }

    /// <summary>Records one payment outcome and raises the escalation if an episode begins with it.</summary>
    /// <returns>The escalation raised, or <see langword="null"/>.</returns>
    public async ValueTask<Escalation?> RecordAsync(TenantId tenant, bool succeeded, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        MassFailureStep step;
        MassFailureAssessment assessment;
        Instant? endedSince;
        lock (_gate)
        {
            // Counts are kept as outcomes enter and leave the window, so each record costs O(1) amortized.
            Add(new PaymentOutcomeSample(tenant, now, succeeded));
            var from = now - _settings.Window;
            while (_window.TryPeek(out var oldest) && oldest.At <= from)
            {
                Remove(_window.Dequeue());
            }

            assessment = MassPaymentFailureDetector.Assess(_window.Count, _failures, _failuresByTenant.Count, _settings);
            endedSince = _episodeSince;
            step = MassPaymentFailureDetector.Step(_episodeSince, assessment, now);
            _episodeSince = step.EpisodeSince;
        }

        if (step.Ended && endedSince is { } since)
        {
            DeskLog.MassPaymentFailureEnded(_logger, since, now);
        }

        if (!step.Raise)
        {
            return null;
        }

        var subject = string.Create(
            CultureInfo.InvariantCulture,
            $"{assessment.Failures} of {assessment.Samples} payments failed across {assessment.FailingTenants} tenants in the last {_settings.Window.ToTimeSpan():c}");
        return await escalations.RaiseAsync(EscalationKind.MassPaymentFailure, subject, null, null, cancellationToken).ConfigureAwait(false);
    }

    private void Add(PaymentOutcomeSample outcome)
    {
        _window.Enqueue(outcome);
        if (!outcome.Succeeded)
        {
            _failures++;
            _failuresByTenant[outcome.Tenant] = _failuresByTenant.GetValueOrDefault(outcome.Tenant) + 1;
        }
    }

    private void Remove(PaymentOutcomeSample outcome)
    {
        if (outcome.Succeeded)
        {
            return;
        }

        _failures--;
        var left = _failuresByTenant[outcome.Tenant] - 1;
        if (left == 0)
        {
            _failuresByTenant.Remove(outcome.Tenant);
        }
        else
        {
            _failuresByTenant[outcome.Tenant] = left;
        }
    }
}
