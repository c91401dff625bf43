namespace BillingKit.Entitlements;

/// <summary>
/// The embedded default usage store: one process owns every lease, so it grants whatever the limit allows, at once
/// and synchronously. Thread-safe.
/// </summary>
public sealed class InMemoryQuotaLeaseStore : IQuotaLeaseStore
{
    private readonly Dictionary<QuotaLeaseKey, long> _leased = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public ValueTask<long> AcquireAsync(QuotaLeaseKey key, long requested, long limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _leased.TryGetValue(key, out var leased);
            var granted = Math.Max(0, Math.Min(requested, limit - leased));
            _leased[key] = leased + granted;
            return ValueTask.FromResult(granted);
        }
    }

    /// <inheritdoc />
    public ValueTask ReturnAsync(QuotaLeaseKey key, long units, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_leased.TryGetValue(key, out var leased))
            {
                _leased[key] = Math.Max(0, leased - units);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<long> GetLeasedAsync(QuotaLeaseKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_leased.TryGetValue(key, out var leased) ? leased : 0);
        }
    }
}
