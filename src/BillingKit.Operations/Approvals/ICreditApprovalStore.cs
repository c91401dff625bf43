using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>Stores credit approval requests. The in-memory default is <see cref="InMemoryCreditApprovalStore"/>.</summary>
/// <remarks>Implementations are thread-safe. Writes are staged in a unit of work and visible when it commits; reads
/// through a unit see its own writes.</remarks>
public interface ICreditApprovalStore
{
    /// <summary>Stages a new pending request.</summary>
    /// <param name="unit">The unit of work; its tenant must be the request's.</param>
    /// <param name="request">The request, <see cref="CreditApprovalStatus.Pending"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when staged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The tenant differs from the unit's, the request is not pending, or its id is used.</exception>
    ValueTask AddAsync(ITenantUnitOfWork unit, CreditApprovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stages the decision on a pending request.</summary>
    /// <param name="unit">The unit of work; its tenant must be the request's.</param>
    /// <param name="decided">The request, approved or rejected.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when staged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The tenant differs from the unit's, or <paramref name="decided"/> is still pending.</exception>
    /// <exception cref="CreditApprovalException">The stored request is missing (<see cref="CreditApprovalFailure.NotFound"/>)
    /// or already decided (<see cref="CreditApprovalFailure.NotPending"/>).</exception>
    ValueTask DecideAsync(ITenantUnitOfWork unit, CreditApprovalRequest decided, CancellationToken cancellationToken = default);

    /// <summary>Finds a request of the unit's tenant, including the unit's own staged writes.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="id">The request's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, or <see langword="null"/>.</returns>
    ValueTask<CreditApprovalRequest?> FindAsync(ITenantUnitOfWork unit, string id, CancellationToken cancellationToken = default);

    /// <summary>Lists committed requests, oldest first.</summary>
    /// <param name="tenant">The tenant; <see langword="null"/> for every tenant.</param>
    /// <param name="status">The status; <see langword="null"/> for every status.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The requests.</returns>
    ValueTask<IReadOnlyList<CreditApprovalRequest>> ListAsync(TenantId? tenant, CreditApprovalStatus? status, CancellationToken cancellationToken = default);
}
