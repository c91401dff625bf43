using System.Globalization;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>The embedded audit log: records kept in memory, staged in an <see cref="InMemoryUnitOfWork"/> and
/// visible when it commits.</summary>
/// <remarks>Thread-safe. Records of the same instant are ordered by when they were committed. Records are lost when
/// the process stops; use the PostgreSQL store in production.</remarks>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<(AuditRecord Record, long Sequence)> _records = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Gets the number of committed records.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The unit was not begun by the in-memory factory.</exception>
    public ValueTask AppendAsync(ITenantUnitOfWork unit, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var memory = InMemoryUnitOfWork.From(unit);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The audit record is for tenant '{record.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(record));
        }

        var pending = memory.GetOrAddPending(this, static () => new List<AuditRecord>());
        lock (_gate)
        {
            if (_ids.Contains(record.Id) || pending.Exists(r => string.Equals(r.Id, record.Id, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"An audit record with id '{record.Id}' already exists; ids are unique.", nameof(record));
            }
        }

        pending.Add(record);
        if (pending.Count == 1)
        {
            memory.OnCommit(() => Commit(pending));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        long? after = query.PageToken is null ? null : ReadToken(query.PageToken);
        List<(AuditRecord Record, long Sequence)> matching;
        lock (_gate)
        {
            matching = _records.FindAll(entry => query.Matches(entry.Record));
        }

        // Newest first: later instant first, then later commit first. The token is the position of the last record.
        matching.Sort(static (x, y) =>
        {
            var byTime = y.Record.At.CompareTo(x.Record.At);
            return byTime != 0 ? byTime : y.Sequence.CompareTo(x.Sequence);
        });
        var start = after is { } sequence ? matching.FindIndex(entry => entry.Sequence == sequence) + 1 : 0;
        if (after is not null && start == 0)
        {
            throw new ArgumentException("The page token names no record of this query; pass the NextPageToken of the previous page of the same query.", nameof(query));
        }

        var page = matching.Skip(start).Take(query.PageSize).ToArray();
        var next = start + page.Length < matching.Count ? "mem:" + page[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return ValueTask.FromResult(new AuditPage([.. page.Select(entry => entry.Record)], next));
    }

    private static long ReadToken(string token) =>
        token.StartsWith("mem:", StringComparison.Ordinal)
        && long.TryParse(token.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new ArgumentException($"'{token}' is not a page token of this audit log; pass the NextPageToken of the previous page.", nameof(token));

    private void Commit(List<AuditRecord> pending)
    {
        lock (_gate)
        {
            foreach (var record in pending)
            {
                if (_ids.Add(record.Id))
                {
                    _records.Add((record, ++_sequence));
                }
            }
        }
    }
}
