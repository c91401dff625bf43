using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// Storage port of the desk's refunds. Writes and the reads that decide them take the tenant's unit of work, so a
/// refund record commits with its ledger entry and audit record. <see cref="InMemoryDeskRefundStore"/> is the default.
/// </summary>
public interface IDeskRefundStore
{
    /// <summary>Stages a new refund or a new version of one (same <see cref="DeskRefund.Id"/>).</summary>
    /// <param name="unit">The tenant's unit of work; the caller commits it.</param>
    /// <param name="refund">The refund; its tenant must be the unit's.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the write is staged.</returns>
    ValueTask SaveAsync(ITenantUnitOfWork unit, DeskRefund refund, CancellationToken cancellationToken = default);

    /// <summary>Finds a refund by our id, as the unit sees it.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="refundId">Our refund id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refund, or <see langword="null"/>.</returns>
    ValueTask<DeskRefund?> FindAsync(ITenantUnitOfWork unit, string refundId, CancellationToken cancellationToken = default);

    /// <summary>Finds a refund by the provider's refund id, as the unit sees it.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="providerRefundId">The provider's refund id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refund, or <see langword="null"/>.</returns>
    ValueTask<DeskRefund?> FindByProviderRefundIdAsync(ITenantUnitOfWork unit, string providerRefundId, CancellationToken cancellationToken = default);

    /// <summary>Lists the refunds of one payment, as the unit sees them.</summary>
    /// <param name="unit">The tenant's unit of work.</param>
    /// <param name="payment">Our payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment's refunds, oldest first.</returns>
    ValueTask<IReadOnlyList<DeskRefund>> ListForPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default);

    /// <summary>Lists committed refunds in a status (for reconciliation: the pending ones), oldest first.</summary>
    /// <param name="tenant">One tenant, or <see langword="null"/> for all.</param>
    /// <param name="status">The status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refunds.</returns>
    ValueTask<IReadOnlyList<DeskRefund>> ListAsync(TenantId? tenant, DeskRefundStatus status, CancellationToken cancellationToken = default);
}
