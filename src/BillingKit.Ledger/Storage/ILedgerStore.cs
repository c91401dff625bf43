namespace BillingKit.Ledger;

/// <summary>
/// The ledger's storage port. Writes and the reads that decide them take an <see cref="Storage.ITenantUnitOfWork"/>,
/// so that one desk operation can span several contexts and commit atomically; reads within a unit see the unit's
/// own staged writes. The other reads see committed state only.
/// </summary>
/// <remarks>
/// Implementations keep balances as running totals per tenant and currency so that <see cref="GetBalancesAsync(TenantId, Currency, CancellationToken)"/>
/// costs the same with a million transactions as with one, and must be thread-safe. The embedded default is
/// <see cref="InMemoryLedgerStore"/>.
/// </remarks>
public interface ILedgerStore
{
    /// <summary>Finds what an idempotency key was used for, within a unit.</summary>
    /// <param name="unit">The unit of work; its tenant is the one read.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null when the key is new for the tenant.</returns>
    ValueTask<LedgerIdempotencyEntry?> FindIdempotencyEntryAsync(Storage.ITenantUnitOfWork unit, IdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's balances in one currency, within a unit.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances; zero when nothing was posted in the currency.</returns>
    ValueTask<LedgerBalances> GetBalancesAsync(Storage.ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's open charges in one currency, within a unit.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The charges with an outstanding amount, oldest due first.</returns>
    ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(Storage.ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default);

    /// <summary>Reads a payment, within a unit.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment, or null when the tenant has none with that id.</returns>
    ValueTask<PaymentRecord?> GetPaymentAsync(Storage.ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default);

    /// <summary>Reads a transaction, within a unit.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="transaction">The transaction id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transaction, or null when the tenant has none with that id.</returns>
    ValueTask<LedgerTransaction?> GetTransactionAsync(Storage.ITenantUnitOfWork unit, LedgerTransactionId transaction, CancellationToken cancellationToken = default);

    /// <summary>Stages one operation's writes in the unit; they become visible when the unit commits.</summary>
    /// <param name="unit">The unit of work.</param>
    /// <param name="write">The writes.</param>
    /// <param name="cancellationToken">Cancels before anything is staged.</param>
    /// <returns>A task that completes when the writes are staged.</returns>
    /// <exception cref="InvalidOperationException">The key or transaction id is already used, or the payment version is stale.</exception>
    ValueTask StageAsync(Storage.ITenantUnitOfWork unit, LedgerWrite write, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's committed balances in one currency, in constant time.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances (zero when nothing was posted in the currency), or null when the tenant has no books at all.</returns>
    ValueTask<LedgerBalances?> GetBalancesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's committed balances in every currency it has used.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The balances by currency code, or null when the tenant has no books at all.</returns>
    ValueTask<IReadOnlyList<LedgerBalances>?> GetAllBalancesAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Reads a committed payment.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The payment, or null.</returns>
    ValueTask<PaymentRecord?> GetPaymentAsync(TenantId tenant, PaymentId payment, CancellationToken cancellationToken = default);

    /// <summary>Searches, filters, sorts and pages the tenant's committed payments.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="query">The query; its page size is already validated.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    ValueTask<Page<PaymentRecord>> QueryPaymentsAsync(TenantId tenant, PaymentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's committed open charges in one currency.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The charges with an outstanding amount, oldest due first.</returns>
    ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default);

    /// <summary>Reads a committed transaction.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="transaction">The transaction id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transaction, or null.</returns>
    ValueTask<LedgerTransaction?> GetTransactionAsync(TenantId tenant, LedgerTransactionId transaction, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's committed journal in posting order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="skip">How many transactions to skip; zero or more.</param>
    /// <param name="take">How many to return at most; one or more.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The transactions.</returns>
    ValueTask<IReadOnlyList<LedgerTransaction>> GetTransactionsAsync(TenantId tenant, int skip, int take, CancellationToken cancellationToken = default);
}
