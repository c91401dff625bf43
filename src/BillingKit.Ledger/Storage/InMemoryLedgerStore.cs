using System.Collections.Concurrent;
using BillingKit.Storage;

namespace BillingKit.Ledger;

/// <summary>
/// The embedded ledger store: keeps every tenant's books in memory, with running balances per currency so that
/// reading a balance costs the same however long the history is.
/// </summary>
/// <remarks>
/// Thread-safe. Writes are staged in an <see cref="InMemoryUnitOfWork"/> and applied when it commits (units of one
/// tenant run one at a time); reads outside a unit take a short per-tenant lock and see committed state only.
/// Register one instance per process with the in-memory unit-of-work factory.
/// </remarks>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private static readonly int KindCount = Enum.GetValues<LedgerTransactionKind>().Length;
    private readonly ConcurrentDictionary<TenantId, TenantBook> _tenants = new();

    /// <inheritdoc />
    public ValueTask<LedgerIdempotencyEntry?> FindIdempotencyEntryAsync(ITenantUnitOfWork unit, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        var pending = PendingOf(unit);
        if (pending.Keys.TryGetValue(key, out var entry))
        {
            return ValueTask.FromResult<LedgerIdempotencyEntry?>(entry);
        }

        lock (pending.Book.Gate)
        {
            return ValueTask.FromResult(pending.Book.Keys.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public ValueTask<LedgerBalances> GetBalancesAsync(ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default)
    {
        var pending = PendingOf(unit);
        lock (pending.Book.Gate)
        {
            var committed = pending.Book.Currencies.GetValueOrDefault(currency);
            if (pending.Currencies.TryGetValue(currency, out var delta))
            {
                return ValueTask.FromResult(CurrencyBook.ToBalances(currency, committed, delta));
            }

            // Nothing staged in this currency yet: the unit sees the committed balances, built once per commit.
            return ValueTask.FromResult(committed is null ? LedgerBalances.Empty(currency) : committed.Snapshot ??= CurrencyBook.ToBalances(currency, committed, null));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(ITenantUnitOfWork unit, Currency currency, CancellationToken cancellationToken = default)
    {
        var pending = PendingOf(unit);
        lock (pending.Book.Gate)
        {
            var merged = new Dictionary<LedgerTransactionId, OpenCharge>();
            if (pending.Book.Currencies.TryGetValue(currency, out var committed))
            {
                foreach (var (id, charge) in committed.Open)
                {
                    merged[id] = charge;
                }
            }

            if (pending.Currencies.TryGetValue(currency, out var delta))
            {
                foreach (var (id, charge) in delta.Open)
                {
                    merged[id] = charge;
                }
            }

            return ValueTask.FromResult<IReadOnlyList<OpenCharge>>(Sorted(merged.Values));
        }
    }

    /// <inheritdoc />
    public ValueTask<PaymentRecord?> GetPaymentAsync(ITenantUnitOfWork unit, PaymentId payment, CancellationToken cancellationToken = default)
    {
        var pending = PendingOf(unit);
        if (pending.Payments.TryGetValue(payment, out var staged))
        {
            return ValueTask.FromResult<PaymentRecord?>(staged);
        }

        lock (pending.Book.Gate)
        {
            return ValueTask.FromResult(pending.Book.Payments.GetValueOrDefault(payment));
        }
    }

    /// <inheritdoc />
    public ValueTask<LedgerTransaction?> GetTransactionAsync(ITenantUnitOfWork unit, LedgerTransactionId transaction, CancellationToken cancellationToken = default)
    {
        var pending = PendingOf(unit);
        if (pending.Transactions.TryGetValue(transaction, out var staged))
        {
            return ValueTask.FromResult<LedgerTransaction?>(staged);
        }

        lock (pending.Book.Gate)
        {
            return ValueTask.FromResult(pending.Book.Transactions.GetValueOrDefault(transaction));
        }
    }

    /// <inheritdoc />
    public ValueTask StageAsync(ITenantUnitOfWork unit, LedgerWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(write.Idempotency, nameof(write));
        ArgumentNullException.ThrowIfNull(write.OpenCharges, nameof(write));
        cancellationToken.ThrowIfCancellationRequested();
        var pending = PendingOf(unit);
        var book = pending.Book;
        var key = write.Idempotency.Key;
        lock (book.Gate)
        {
            if (pending.Keys.ContainsKey(key) || book.Keys.ContainsKey(key))
            {
                throw new InvalidOperationException($"Idempotency key '{key}' is already used by tenant {unit.Tenant}.");
            }

            if (write.Transaction is { } transaction
                && (pending.Transactions.ContainsKey(transaction.Id) || book.Transactions.ContainsKey(transaction.Id)))
            {
                throw new InvalidOperationException($"Transaction {transaction.Id} is already posted for tenant {unit.Tenant}.");
            }

            if (write.Payment is { } payment)
            {
                var stored = pending.Payments.TryGetValue(payment.Id, out var staged) ? staged : book.Payments.GetValueOrDefault(payment.Id);
                var expected = (stored?.Version ?? 0) + 1;
                if (payment.Version != expected)
                {
                    throw new InvalidOperationException($"Payment {payment.Id} has version {payment.Version}; expected {expected}. It was changed by someone else.");
                }
            }
        }

        // Validated: stage. Nothing below throws.
        pending.Keys.Add(key, write.Idempotency);
        if (write.Transaction is { } posted)
        {
            pending.Transactions.Add(posted.Id, posted);
            pending.Journal.Add(posted);
            pending.Delta(posted.Currency).Add(posted);
        }

        foreach (var charge in write.OpenCharges)
        {
            pending.Delta(charge.Currency).Open[charge.Charge] = charge;
        }

        if (write.Payment is { } changed)
        {
            pending.Payments[changed.Id] = changed;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<LedgerBalances?> GetBalancesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<LedgerBalances?>(null);
        }

        lock (book.Gate)
        {
            if (!book.Exists)
            {
                return ValueTask.FromResult<LedgerBalances?>(null);
            }

            // The committed snapshot is built once after each commit and shared by every read until the next one.
            return ValueTask.FromResult<LedgerBalances?>(book.Currencies.TryGetValue(currency, out var committed)
                ? committed.Snapshot ??= CurrencyBook.ToBalances(currency, committed, null)
                : LedgerBalances.Empty(currency));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerBalances>?> GetAllBalancesAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<IReadOnlyList<LedgerBalances>?>(null);
        }

        lock (book.Gate)
        {
            if (!book.Exists)
            {
                return ValueTask.FromResult<IReadOnlyList<LedgerBalances>?>(null);
            }

            IReadOnlyList<LedgerBalances> all =
                [.. book.Currencies.Values.OrderBy(c => c.Currency).Select(c => CurrencyBook.ToBalances(c.Currency, c, null))];
            return ValueTask.FromResult<IReadOnlyList<LedgerBalances>?>(all);
        }
    }

    /// <inheritdoc />
    public ValueTask<PaymentRecord?> GetPaymentAsync(TenantId tenant, PaymentId payment, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<PaymentRecord?>(null);
        }

        lock (book.Gate)
        {
            return ValueTask.FromResult(book.Payments.GetValueOrDefault(payment));
        }
    }

    /// <inheritdoc />
    public ValueTask<Page<PaymentRecord>> QueryPaymentsAsync(TenantId tenant, PaymentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<PaymentRecord> matches = [];
        if (_tenants.TryGetValue(tenant, out var book))
        {
            lock (book.Gate)
            {
                matches.AddRange(book.Payments.Values.Where(query.Matches));
            }
        }

        var sorted = PaymentOrdering.Sort(matches, query.SortBy, query.Descending);
        var items = sorted.Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize).ToArray();
        return ValueTask.FromResult(new Page<PaymentRecord>(items, query.PageNumber, query.PageSize, matches.Count));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OpenCharge>> GetOpenChargesAsync(TenantId tenant, Currency currency, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<IReadOnlyList<OpenCharge>>([]);
        }

        lock (book.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<OpenCharge>>(book.Currencies.TryGetValue(currency, out var books) ? Sorted(books.Open.Values) : []);
        }
    }

    /// <inheritdoc />
    public ValueTask<LedgerTransaction?> GetTransactionAsync(TenantId tenant, LedgerTransactionId transaction, CancellationToken cancellationToken = default)
    {
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<LedgerTransaction?>(null);
        }

        lock (book.Gate)
        {
            return ValueTask.FromResult(book.Transactions.GetValueOrDefault(transaction));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LedgerTransaction>> GetTransactionsAsync(TenantId tenant, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        if (!_tenants.TryGetValue(tenant, out var book))
        {
            return ValueTask.FromResult<IReadOnlyList<LedgerTransaction>>([]);
        }

        lock (book.Gate)
        {
            var count = Math.Max(0, Math.Min(take, book.Journal.Count - skip));
            IReadOnlyList<LedgerTransaction> page = count == 0 ? [] : book.Journal.GetRange(skip, count).ToArray();
            return ValueTask.FromResult(page);
        }
    }

    private static OpenCharge[] Sorted(IEnumerable<OpenCharge> charges) =>
        CashApplication.OldestDueFirst(charges.Where(c => c.Outstanding.IsPositive)).ToArray();

    private Pending PendingOf(ITenantUnitOfWork unit)
    {
        var memory = InMemoryUnitOfWork.From(unit);

        // A static factory (no closure per unit); the tenant's book is attached on first use.
        var pending = memory.GetOrAddPending(this, static () => new Pending());
        if (pending.Book is null)
        {
            pending.Book = _tenants.GetOrAdd(unit.Tenant, static _ => new TenantBook());
            memory.OnCommit(pending.Apply);
        }

        return pending;
    }

    private sealed class TenantBook
    {
        public Lock Gate { get; } = new();

        public bool Exists { get; set; }

        public Dictionary<Currency, CurrencyBook> Currencies { get; } = [];

        public List<LedgerTransaction> Journal { get; } = [];

        public Dictionary<LedgerTransactionId, LedgerTransaction> Transactions { get; } = [];

        public Dictionary<PaymentId, PaymentRecord> Payments { get; } = [];

        public Dictionary<IdempotencyKey, LedgerIdempotencyEntry> Keys { get; } = [];
    }

    /// <summary>Running totals of one currency (committed), or the changes a unit staged to them (pending).</summary>
    private sealed class CurrencyBook(Currency currency)
    {
        public Currency Currency { get; } = currency;

        public Dictionary<LedgerAccount, long> Accounts { get; } = [];

        public long[] KindTotals { get; } = new long[KindCount];

        public long Debits { get; set; }

        /// <summary>Gets how many kinds of transaction have a non-zero total.</summary>
        public int KindsPosted
        {
            get
            {
                var posted = 0;
                foreach (var total in KindTotals)
                {
                    posted += total != 0 ? 1 : 0;
                }

                return posted;
            }
        }

        public long Credits { get; set; }

        public long Count { get; set; }

        public Dictionary<LedgerTransactionId, OpenCharge> Open { get; } = [];

        /// <summary>Gets or sets the immutable balances of the committed book; reset by every merge.</summary>
        public LedgerBalances? Snapshot { get; set; }

        public static LedgerBalances ToBalances(Currency currency, CurrencyBook? committed, CurrencyBook? delta)
        {
            // Sized for the larger part: a unit's delta seldom adds accounts or kinds the committed book lacks.
            var sizing = committed ?? delta;
            var accounts = new Dictionary<LedgerAccount, Money>(sizing?.Accounts.Count ?? 0);
            var totals = new Dictionary<LedgerTransactionKind, Money>(sizing?.KindsPosted ?? 0);
            long debits = 0, credits = 0, count = 0;
            foreach (var part in (ReadOnlySpan<CurrencyBook?>)[committed, delta])
            {
                if (part is null)
                {
                    continue;
                }

                foreach (var (account, units) in part.Accounts)
                {
                    accounts[account] = accounts.TryGetValue(account, out var sum) ? sum + Money.FromMinorUnits(units, currency) : Money.FromMinorUnits(units, currency);
                }

                for (var kind = 0; kind < part.KindTotals.Length; kind++)
                {
                    if (part.KindTotals[kind] != 0)
                    {
                        var k = (LedgerTransactionKind)kind;
                        totals[k] = totals.TryGetValue(k, out var sum) ? sum + Money.FromMinorUnits(part.KindTotals[kind], currency) : Money.FromMinorUnits(part.KindTotals[kind], currency);
                    }
                }

                debits += part.Debits;
                credits += part.Credits;
                count += part.Count;
            }

            return new LedgerBalances(currency, accounts, totals, Money.FromMinorUnits(debits, currency), Money.FromMinorUnits(credits, currency), count);
        }

        public void Add(LedgerTransaction transaction)
        {
            foreach (var posting in transaction.Postings)
            {
                var units = posting.SignedForAccount.MinorUnits;
                Accounts[posting.Account] = Accounts.TryGetValue(posting.Account, out var balance) ? balance + units : units;
                if (posting.Side == PostingSide.Debit)
                {
                    Debits += posting.Amount.MinorUnits;
                }
                else
                {
                    Credits += posting.Amount.MinorUnits;
                }
            }

            KindTotals[(int)transaction.Kind] += transaction.Amount.MinorUnits;
            Count++;
        }

        public void Merge(CurrencyBook delta)
        {
            Snapshot = null;
            foreach (var (account, units) in delta.Accounts)
            {
                Accounts[account] = Accounts.TryGetValue(account, out var balance) ? balance + units : units;
            }

            for (var kind = 0; kind < KindTotals.Length; kind++)
            {
                KindTotals[kind] += delta.KindTotals[kind];
            }

            Debits += delta.Debits;
            Credits += delta.Credits;
            Count += delta.Count;
            foreach (var (id, charge) in delta.Open)
            {
                if (charge.Outstanding.IsPositive)
                {
                    Open[id] = charge;
                }
                else
                {
                    Open.Remove(id);
                }
            }
        }
    }

    private sealed class Pending
    {
        /// <summary>Gets or sets the tenant's committed book; null only until <see cref="PendingOf"/> attaches it.</summary>
        public TenantBook Book { get; set; } = null!;

        public Dictionary<Currency, CurrencyBook> Currencies { get; } = [];

        public List<LedgerTransaction> Journal { get; } = [];

        public Dictionary<LedgerTransactionId, LedgerTransaction> Transactions { get; } = [];

        public Dictionary<PaymentId, PaymentRecord> Payments { get; } = [];

        public Dictionary<IdempotencyKey, LedgerIdempotencyEntry> Keys { get; } = [];

        public CurrencyBook Delta(Currency currency)
        {
            if (!Currencies.TryGetValue(currency, out var delta))
            {
                delta = new CurrencyBook(currency);
                Currencies.Add(currency, delta);
            }

            return delta;
        }

        public void Apply()
        {
            if (Keys.Count == 0)
            {
                return;
            }

            lock (Book.Gate)
            {
                Book.Exists = true;
                foreach (var (currency, delta) in Currencies)
                {
                    if (!Book.Currencies.TryGetValue(currency, out var committed))
                    {
                        committed = new CurrencyBook(currency);
                        Book.Currencies.Add(currency, committed);
                    }

                    committed.Merge(delta);
                }

                foreach (var transaction in Journal)
                {
                    Book.Journal.Add(transaction);
                    Book.Transactions.Add(transaction.Id, transaction);
                }

                foreach (var (id, payment) in Payments)
                {
                    Book.Payments[id] = payment;
                }

                foreach (var (key, entry) in Keys)
                {
                    Book.Keys.Add(key, entry);
                }
            }
        }
    }
}
