using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>The embedded tenant directory: accounts staged in an <see cref="InMemoryUnitOfWork"/> and stored when it
/// commits.</summary>
/// <remarks>Thread-safe. Accounts are lost when the process stops.</remarks>
public sealed class InMemoryTenantAccountStore : ITenantAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TenantId, TenantAccount> _accounts = [];

    /// <inheritdoc />
    public ValueTask<TenantAccount?> GetAsync(ITenantUnitOfWork unit, CancellationToken cancellationToken = default)
    {
        var pending = Pending(unit);
        return ValueTask.FromResult(pending.Account ?? Committed(unit.Tenant));
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(ITenantUnitOfWork unit, TenantAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var memory = InMemoryUnitOfWork.From(unit);
        if (account.Tenant != memory.Tenant)
        {
            throw new ArgumentException($"The account is for tenant '{account.Tenant}' but the unit of work is for '{memory.Tenant}'.", nameof(account));
        }

        var pending = Pending(unit);
        var first = pending.Account is null;
        pending.Account = account;
        if (first)
        {
            memory.OnCommit(() =>
            {
                if (pending.Account is { } staged)
                {
                    lock (_gate)
                    {
                        _accounts[staged.Tenant] = staged;
                    }
                }
            });
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<TenantAccount?> FindAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Committed(tenant));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TenantAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Select(_ => true, int.MaxValue));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TenantAccount>> SearchAsync(string text, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult(Select(a => a.Matches(text), limit));
    }

    private IReadOnlyList<TenantAccount> Select(Func<TenantAccount, bool> predicate, int limit)
    {
        lock (_gate)
        {
            return
            [
                .. _accounts.Values
                    .Where(predicate)
                    .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(a => a.Tenant.Value, StringComparer.Ordinal)
                    .Take(limit),
            ];
        }
    }

    private TenantAccount? Committed(TenantId tenant)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(tenant, out var account) ? account : null;
        }
    }

    private PendingAccount Pending(ITenantUnitOfWork unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return InMemoryUnitOfWork.From(unit).GetOrAddPending(this, static () => new PendingAccount());
    }

    private sealed class PendingAccount
    {
        public TenantAccount? Account { get; set; }
    }
}
