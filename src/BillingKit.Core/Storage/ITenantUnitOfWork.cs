namespace BillingKit.Storage;

/// <summary>
/// One atomic unit of work over one tenant's state, across every context that takes part in it.
/// </summary>
/// <remarks>
/// <para>Begin one with <see cref="IUnitOfWorkFactory.BeginAsync"/>, pass it to each context's store operations,
/// then call <see cref="CommitAsync"/>. Disposing without committing discards every change staged in it. Units
/// for the same tenant are serialized (the in-memory store holds a per-tenant lock, PostgreSQL a transaction
/// with a per-tenant advisory lock), so idempotency keys checked inside a unit cannot race.</para>
/// <para>A unit is not reentrant: code that already holds one for a tenant must pass it along rather than
/// begin another for the same tenant.</para>
/// </remarks>
public interface ITenantUnitOfWork : IAsyncDisposable
{
    /// <summary>Gets the tenant whose state this unit reads and writes.</summary>
    TenantId Tenant { get; }

    /// <summary>Gets whether <see cref="CommitAsync"/> has completed.</summary>
    bool IsCommitted { get; }

    /// <summary>Makes every change staged in this unit durable and visible, all at once.</summary>
    /// <param name="cancellationToken">Cancels before the commit starts; a commit under way completes.</param>
    /// <returns>A task that completes when the changes are committed.</returns>
    /// <exception cref="InvalidOperationException">The unit was already committed or disposed.</exception>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers work to run once this unit's changes are committed, such as publishing a new configuration to an
    /// in-process cache. It never runs when the unit is discarded.
    /// </summary>
    /// <param name="callback">The work. Callbacks run in the order registered, inside <see cref="CommitAsync"/> right
    /// after the changes became durable and before the tenant's next unit can begin in this process. They must not
    /// throw: the changes are committed by then, and an exception propagates out of <see cref="CommitAsync"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The unit was already committed or disposed.</exception>
    void OnCommitted(Action callback);
}
