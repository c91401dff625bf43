namespace BillingKit.Ledger;

/// <summary>
/// A tenant's balances and totals in one currency, kept as running totals: reading them never scans history.
/// </summary>
/// <remarks>Account balances carry the account's natural sign: positive receivable means the tenant owes us,
/// positive credit balance means we owe the tenant.</remarks>
public sealed record LedgerBalances
{
    private readonly IReadOnlyDictionary<LedgerAccount, Money> _accounts;
    private readonly IReadOnlyDictionary<LedgerTransactionKind, Money> _totals;

    /// <summary>Creates balances from running totals (stores call this).</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="accounts">Each account's balance, signed by its normal side; absent accounts are zero.</param>
    /// <param name="totals">The sum of transaction amounts per kind; absent kinds are zero.</param>
    /// <param name="totalDebits">The sum of every debit posted.</param>
    /// <param name="totalCredits">The sum of every credit posted.</param>
    /// <param name="transactionCount">The number of transactions posted in this currency.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> or <paramref name="totals"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    public LedgerBalances(
        Currency currency,
        IReadOnlyDictionary<LedgerAccount, Money> accounts,
        IReadOnlyDictionary<LedgerTransactionKind, Money> totals,
        Money totalDebits,
        Money totalCredits,
        long transactionCount)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(totals);
        var zero = Money.Zero(currency);
        EnsureCurrency(zero, accounts);
        EnsureCurrency(zero, totals);
        zero.EnsureSameCurrency(totalDebits);
        zero.EnsureSameCurrency(totalCredits);

        ArgumentOutOfRangeException.ThrowIfNegative(transactionCount);
        Currency = currency;
        _accounts = accounts;
        _totals = totals;
        TotalDebits = totalDebits;
        TotalCredits = totalCredits;
        TransactionCount = transactionCount;
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets each account's balance that has ever been posted to, signed by its normal side.</summary>
    public IReadOnlyDictionary<LedgerAccount, Money> Accounts => _accounts;

    /// <summary>Gets what the tenant owes now (the receivable balance); never negative.</summary>
    public Money AmountDue => Balance(LedgerAccount.Receivable);

    /// <summary>Gets what we owe the tenant (the credit balance), which pays future charges first; never negative.</summary>
    public Money CreditBalance => Balance(LedgerAccount.CreditBalance);

    /// <summary>Gets the total charged.</summary>
    public Money Charged => Total(LedgerTransactionKind.Charge);

    /// <summary>Gets the total paid: payments received less payments cancelled (voided).</summary>
    public Money Paid => Total(LedgerTransactionKind.Payment) - Total(LedgerTransactionKind.PaymentCancellation);

    /// <summary>Gets the total refunded.</summary>
    public Money Refunded => Total(LedgerTransactionKind.Refund);

    /// <summary>Gets the total charged back.</summary>
    public Money ChargedBack => Total(LedgerTransactionKind.ChargeBack);

    /// <summary>Gets the total of credits granted.</summary>
    public Money Credited => Total(LedgerTransactionKind.Credit);

    /// <summary>Gets the sum of every debit posted.</summary>
    public Money TotalDebits { get; }

    /// <summary>Gets the sum of every credit posted; always equal to <see cref="TotalDebits"/>.</summary>
    public Money TotalCredits { get; }

    /// <summary>Gets the number of transactions posted in this currency.</summary>
    public long TransactionCount { get; }

    /// <summary>Gets no balances at all in <paramref name="currency"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero balances.</returns>
    public static LedgerBalances Empty(Currency currency) =>
        new(currency, new Dictionary<LedgerAccount, Money>(), new Dictionary<LedgerTransactionKind, Money>(), Money.Zero(currency), Money.Zero(currency), 0);

    /// <summary>Gets one account's balance, signed by its normal side.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The balance; zero if nothing was posted to it.</returns>
    public Money Balance(LedgerAccount account) => _accounts.TryGetValue(account, out var balance) ? balance : Money.Zero(Currency);

    /// <summary>Gets the sum of the amounts of every transaction of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The total; zero if none.</returns>
    public Money Total(LedgerTransactionKind kind) => _totals.TryGetValue(kind, out var total) ? total : Money.Zero(Currency);

    private static void EnsureCurrency<TKey>(Money zero, IReadOnlyDictionary<TKey, Money> amounts)
        where TKey : notnull
    {
        // Stores pass dictionaries: enumerate them without boxing an enumerator.
        if (amounts is Dictionary<TKey, Money> dictionary)
        {
            foreach (var (_, amount) in dictionary)
            {
                zero.EnsureSameCurrency(amount);
            }

            return;
        }

        foreach (var (_, amount) in amounts)
        {
            zero.EnsureSameCurrency(amount);
        }
    }
}
