using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>The embedded store of credit approval requests, staged in an <see cref="InMemoryUnitOfWork"/>.</summary>
/// <remarks>Thread-safe. Requests are lost when the process stops.</remarks>
public sealed class InMemoryCreditApprovalStore : ICreditApprovalStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, string Id), CreditApprovalRequest> _requests = [];
    private readonly List<(TenantId Tenant, string Id)> _order = [];

    /// <inheritdoc />
    public ValueTask AddAsync(ITenantUnitOfWork unit, CreditApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = Pending(unit, request);
        if (request.Status != CreditApprovalStatus.Pending)
        {
            throw new ArgumentException("A new credit approval request must be Pending.", nameof(request));
        }

        if (pending.ContainsKey(request.Id) || Committed(unit.Tenant, request.Id) is not null)
        {
            throw new ArgumentException($"A credit approval request with id '{request.Id}' already exists.", nameof(request));
        }

        Stage(InMemoryUnitOfWork.From(unit), pending, request);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DecideAsync(ITenantUnitOfWork unit, CreditApprovalRequest decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var pending = Pending(unit, decided);
        if (decided.Status == CreditApprovalStatus.Pending)
        {
            throw new ArgumentException("A decided request must be Approved or Rejected.", nameof(decided));
        }

        var current = (pending.TryGetValue(decided.Id, out var staged) ? staged : null) ?? Committed(unit.Tenant, decided.Id)
            ?? throw new CreditApprovalException(decided.Id, CreditApprovalFailure.NotFound, "there is no such request for the tenant");
        if (current.Status != CreditApprovalStatus.Pending)
        {
            throw new CreditApprovalException(decided.Id, CreditApprovalFailure.NotPending, $"it is already {current.Status}");
        }

        Stage(InMemoryUnitOfWork.From(unit), pending, decided);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<CreditApprovalRequest?> FindAsync(ITenantUnitOfWork unit, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var memory = InMemoryUnitOfWork.From(unit);
        var pending = memory.GetOrAddPending(this, static () => new Dictionary<string, CreditApprovalRequest>(StringComparer.Ordinal));
        return ValueTask.FromResult(pending.TryGetValue(id, out var staged) ? staged : Committed(unit.Tenant, id));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CreditApprovalRequest>> ListAsync(TenantId? tenant, CreditApprovalStatus? status, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<CreditApprovalRequest> list =
            [
                .. _order.Select(key => _requests[key])
                    .Where(r => (tenant is not { } t || r.Tenant == t) && (status is not { } s || r.Status == s)),
            ];
            return ValueTask.FromResult(list);
        }
    }

    private Dictionary<string, CreditApprovalRequest> Pending(ITenantUnitOfWork unit, CreditApprovalRequest request)
    {
        var memory = InMemoryUnitOfWork.From(unit);
        if (request.Tenant != unit.Tenant)
        {
            throw new ArgumentException($"The request is for tenant '{request.Tenant}' but the unit of work is for '{unit.Tenant}'.", nameof(request));
        }

        return memory.GetOrAddPending(this, static () => new Dictionary<string, CreditApprovalRequest>(StringComparer.Ordinal));
    }

    private void Stage(InMemoryUnitOfWork memory, Dictionary<string, CreditApprovalRequest> pending, CreditApprovalRequest request)
    {
        var first = pending.Count == 0;
        pending[request.Id] = request;
        if (first)
        {
            var tenant = memory.Tenant;
            memory.OnCommit(() => Commit(tenant, pending));
        }
    }

    private CreditApprovalRequest? Committed(TenantId tenant, string id)
    {
        lock (_gate)
        {
            return _requests.TryGetValue((tenant, id), out var request) ? request : null;
        }
    }

    private void Commit(TenantId tenant, Dictionary<string, CreditApprovalRequest> pending)
    {
        lock (_gate)
        {
            foreach (var request in pending.Values)
            {
                if (_requests.TryAdd((tenant, request.Id), request))
                {
                    _order.Add((tenant, request.Id));
                }
                else
                {
                    _requests[(tenant, request.Id)] = request;
                }
            }
        }
    }
}
