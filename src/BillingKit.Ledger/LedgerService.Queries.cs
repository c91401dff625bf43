using BillingKit.Storage;

namespace BillingKit.Ledger;

public sealed partial class LedgerService
{
    /// <summary>Reads the tenant's balances and totals in one currency; costs the same however long the history is.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances; zero when the tenant never used the currency.</returns>
    /// <exception cref="LedgerTenantNotFoundException">The ledger has no books for the tenant.</exception>
    /// <remarks>Allocates nothing when the store answers synchronously, as the in-memory store does.</remarks>
    public ValueTask<LedgerBalances> GetBalancesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default)
    {
        var read = _store.GetBalancesAsync(tenant, currency, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            return read.Result is { } balances ? ValueTask.FromResult(balances) : ValueTask.FromException<LedgerBalances>(new LedgerTenantNotFoundException(tenant));
        }

        return AwaitBalancesAsync(read, tenant);

        static async ValueTask<LedgerBalances> AwaitBalancesAsync(ValueTask<LedgerBalances?> pending, TenantId tenant) =>
            await pending.ConfigureAwait(false) ?? throw new LedgerTenantNotFoundException(tenant);
    }

    /// <summary>Reads the tenant's balances and totals in every currency it has used, ordered by currency code.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances per currency.</returns>
    /// <exception cref="LedgerTenantNotFoundException">The ledger has no books for the tenant.</exception>
    public async Task<IReadOnlyList<LedgerBalances>> GetBalancesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        await _store.GetAllBalancesAsync(tenant, cancellationToken).ConfigureAwait(false) ?? throw new LedgerTenantNotFoundException(tenant);

    /// <summary>Reads the tenant's balances in one currency within a unit, including what the unit staged.</summary>
    /// <param name="unit">The unit of work of the tenant.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances; zero when nothing was posted in the currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public async Task<LedgerBalances> GetBalancesAsync(ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await _store.GetBalancesAsync(unit, currency, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a payment.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment.</returns>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    public async Task<PaymentRecord> GetPaymentAsync(TenantId tenant, PaymentId payment, CancellationToken cancellationToken = default) =>
        await _store.GetPaymentAsync(tenant, payment, cancellationToken).ConfigureAwait(false) ?? throw new PaymentNotFoundException(tenant, payment);

    /// <summary>Reads a payment within a unit, including what the unit staged.</summary>
    /// <param name="unit">The unit of work of the tenant.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    public async Task<PaymentRecord> GetPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await RequirePaymentAsync(unit, payment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads what may still be refunded (or charged back) on a payment: the paid amount less refunds and charge-backs,
    /// or zero when it is not paid. The desk branches on this instead of catching <see cref="RefundExceedsRefundableException"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refundable remainder.</returns>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    public async Task<Money> GetRefundableAmountAsync(TenantId tenant, PaymentId payment, CancellationToken cancellationToken = default) =>
        (await GetPaymentAsync(tenant, payment, cancellationToken).ConfigureAwait(false)).Refundable;

    /// <summary>Reads what may still be refunded on a payment within a unit, so that the check and the refund cannot race.</summary>
    /// <param name="unit">The unit of work of the tenant.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refundable remainder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The tenant has no such payment.</exception>
    public async Task<Money> GetRefundableAmountAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default) =>
        (await GetPaymentAsync(unit, payment, cancellationToken).ConfigureAwait(false)).Refundable;

    /// <summary>Searches, filters, sorts and pages the tenant's payments (the payments list of the desk).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; empty for a tenant without payments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page number is below 1, or the page size is outside 1 to <see cref="LedgerOptions.MaxPageSize"/>.</exception>
    public async Task<Page<PaymentRecord>> QueryPaymentsAsync(TenantId tenant, PaymentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageNumber, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, _options.MaxPageSize, nameof(query));
        return await _store.QueryPaymentsAsync(tenant, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the tenant's open charges in one currency, oldest due first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The charges with an outstanding amount; their outstanding amounts add up to the amount due.</returns>
    public async Task<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default) =>
        await _store.GetOpenChargesAsync(tenant, currency, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads a posted transaction.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="transaction">The transaction id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transaction, or null when the tenant has none with that id.</returns>
    public async Task<LedgerTransaction?> GetTransactionAsync(TenantId tenant, LedgerTransactionId transaction, CancellationToken cancellationToken = default) =>
        await _store.GetTransactionAsync(tenant, transaction, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the tenant's journal in posting order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="skip">How many transactions to skip; zero or more.</param>
    /// <param name="take">How many to return at most, from 1 to <see cref="LedgerOptions.MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transactions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="skip"/> is negative or <paramref name="take"/> out of range.</exception>
    public async Task<IReadOnlyList<LedgerTransaction>> GetTransactionsAsync(TenantId tenant, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, _options.MaxPageSize);
        return await _store.GetTransactionsAsync(tenant, skip, take, cancellationToken).ConfigureAwait(false);
    }
}
