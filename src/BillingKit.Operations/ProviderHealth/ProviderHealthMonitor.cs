using System.Diagnostics;
using BillingKit.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Tracks each provider's health from the outcomes of our calls to it: rate limits, outages, authorization and
/// synchronisation failures make it degraded (with since when and the last error) for the host to show as a banner;
/// successful calls clear it.
/// </summary>
/// <remarks>
/// <para>Feed it by calling providers through <see cref="Track"/> (a decorator that records every call), through
/// <see cref="ObserveAsync{T}"/>, or by reporting outcomes with <see cref="RecordSuccess"/>,
/// <see cref="RecordFailure(ProviderException)"/> and <see cref="RecordFailure(ProviderName, ProviderIssueKind, string)"/>.
/// A provider error that is a proper answer (a decline, an unknown id, an invalid request) counts as a success:
/// the provider is up.</para>
/// <para>Thread-safe; registered as a singleton.</para>
/// </remarks>
public sealed class ProviderHealthMonitor
{
    private const int MaxErrorLength = 300;
    private readonly IClock _clock;
    private readonly ProviderHealthOptions _options;
    private readonly ILogger<ProviderHealthMonitor> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<ProviderName, ProviderHealthStatus> _statuses = [];

    internal ProviderHealthMonitor(IClock clock, IOptions<BillingDeskOptions> options, ILogger<ProviderHealthMonitor> logger)
    {
        _clock = clock;
        _options = options.Value.ProviderHealth;
        _logger = logger;
    }

    /// <summary>Gets the status of every provider seen so far, ordered by name.</summary>
    /// <returns>The statuses.</returns>
    public IReadOnlyList<ProviderHealthStatus> GetAll()
    {
        lock (_gate)
        {
            return [.. _statuses.Values.OrderBy(s => s.Provider.Value, StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets the degraded providers: what the host's banner shows. Empty when all is well.</summary>
    /// <returns>The degraded statuses, ordered by name.</returns>
    public IReadOnlyList<ProviderHealthStatus> GetDegraded() => [.. GetAll().Where(s => s.IsDegraded)];

    /// <summary>Gets one provider's status.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>Its status; healthy when no call was seen.</returns>
    public ProviderHealthStatus GetStatus(ProviderName provider)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(provider, out var status) ? status : ProviderHealthStatus.Healthy(provider);
        }
    }

    /// <summary>Records a successful call.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The provider's status after it.</returns>
    public ProviderHealthStatus RecordSuccess(ProviderName provider) =>
        Update(provider, (status, now) => ProviderHealthPolicy.OnSuccess(status, now, _options));

    /// <summary>Records a failure seen outside a provider call, such as a failed synchronisation.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="error">What happened, for staff; no secrets or card data.</param>
    /// <returns>The provider's status after it.</returns>
    /// <exception cref="ArgumentException"><paramref name="error"/> is empty.</exception>
    public ProviderHealthStatus RecordFailure(ProviderName provider, ProviderIssueKind kind, string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        return Update(provider, (status, now) => ProviderHealthPolicy.OnFailure(status, kind, text, now, _options));
    }

    /// <summary>Records a provider error. Errors that are proper answers (declines, unknown ids, invalid
    /// requests, conflicts) count as successes.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>The provider's status after it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public ProviderHealthStatus RecordFailure(ProviderException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ProviderHealthPolicy.Classify(exception.Kind) is { } kind
            ? RecordFailure(exception.Provider, kind, $"{exception.Kind} {exception.Code}: {exception.Message}")
            : RecordSuccess(exception.Provider);
    }

    /// <summary>Runs a provider call and records its outcome (and the <c>billingkit.provider.calls</c> metric).</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="provider">The provider called.</param>
    /// <param name="operation">The operation's name for metrics, such as <c>refund</c>.</param>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Passed to the call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="ProviderException">Rethrown from the call after it is recorded.</exception>
    public async Task<T> ObserveAsync<T>(ProviderName provider, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            RecordSuccess(provider);
            BillingKitTelemetry.ProviderCall(provider, operation, "success", ElapsedMilliseconds(started));
            return result;
        }
        catch (ProviderException exception)
        {
            RecordFailure(exception);
            BillingKitTelemetry.ProviderCall(provider, operation, exception.Kind.ToString(), ElapsedMilliseconds(started));
            DeskLog.ProviderCallFailed(_logger, provider, operation, exception.Kind.ToString(), exception.Code);
            throw;
        }
    }

    /// <summary>Wraps a provider so that every call through it is observed (<see cref="ObserveAsync{T}"/>).</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The observed provider; the same instance when it is already observed by this monitor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public IPaymentProvider Track(IPaymentProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider is HealthTrackingPaymentProvider tracked && ReferenceEquals(tracked.Monitor, this)
            ? provider
            : new HealthTrackingPaymentProvider(provider, this);
    }

    private static long ElapsedMilliseconds(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private ProviderHealthStatus Update(ProviderName provider, Func<ProviderHealthStatus, Instant, ProviderHealthStatus> transition)
    {
        var now = _clock.GetCurrentInstant();
        ProviderHealthStatus before;
        ProviderHealthStatus after;
        lock (_gate)
        {
            before = _statuses.TryGetValue(provider, out var status) ? status : ProviderHealthStatus.Healthy(provider);
            after = transition(before, now);
            _statuses[provider] = after;
        }

        if (!before.IsDegraded && after.IsDegraded)
        {
            BillingKitTelemetry.ProviderDegraded(provider, after.Kind!.Value);
            DeskLog.ProviderDegraded(_logger, provider, after.Since!.Value, after.Kind.Value, after.LastError ?? string.Empty);
        }
        else if (before.IsDegraded && !after.IsDegraded)
        {
            DeskLog.ProviderRecovered(_logger, provider, now, before.Since!.Value);
        }

        return after;
    }
}
