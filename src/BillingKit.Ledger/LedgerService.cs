using BillingKit.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Ledger;

/// <summary>
/// The ledger: posts charges, payments, refunds, credits, charge-backs, cancellations and adjustments as balanced
/// transactions, keeps payment records, and answers balance and payment-list queries.
/// </summary>
/// <remarks>
/// <para>Every mutating method comes in two forms: one taking an <see cref="ITenantUnitOfWork"/> (the caller owns the
/// unit and commits it, so that the ledger write and, say, an invoice status change and an audit record commit
/// together), and one taking a <see cref="TenantId"/> that begins and commits its own unit.</para>
/// <para>Every mutating request carries an idempotency key: the same key with the same content returns the first
/// result and writes nothing; the same key with different content throws <see cref="IdempotencyConflictException"/>.
/// Invalid input throws before anything is staged, so a failed call writes nothing.</para>
/// <para>Thread-safe; register as a singleton.</para>
/// </remarks>
public sealed partial class LedgerService
{
    private readonly ILedgerStore _store;
    private readonly IUnitOfWorkFactory _units;
    private readonly IClock _clock;
    private readonly LedgerOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The ledger store.</param>
    /// <param name="units">Begins units of work for the self-committing methods.</param>
    /// <param name="clock">The clock that stamps transactions.</param>
    /// <param name="options">The ledger options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LedgerService(ILedgerStore store, IUnitOfWorkFactory units, IClock clock, IOptions<LedgerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _units = units;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>Charges the tenant: the credit balance pays first, the rest becomes receivable (an open charge).</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<LedgerTransaction> PostChargeAsync(ITenantUnitOfWork unit, ChargeRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        InvalidLedgerAmountException.ThrowIfNotPositive(request.Amount, "a charge");
        var fingerprint = request.Fingerprint();
        if (await FindReplayAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            return await ReplayedTransactionAsync(unit, entry, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var id = LedgerTransactionId.New();
        var (postings, open) = await DebitTenantAsync(
            unit, id, request.Amount, LedgerAccount.Revenue, request.DueDate, now, request.Customer, request.Invoice, request.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var transaction = new LedgerTransaction(id, LedgerTransactionKind.Charge, request.Amount, postings, request.Actor, now, request.IdempotencyKey)
        {
            ChargeKind = request.Kind,
            DueDate = request.DueDate,
            Customer = request.Customer,
            Invoice = request.Invoice,
            InvoiceNumber = request.InvoiceNumber,
            Subscription = request.Subscription,
            Description = request.Description,
        };
        await StageAsync(unit, request, fingerprint, transaction, open, null, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Charges the tenant in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<LedgerTransaction> PostChargeAsync(TenantId tenant, ChargeRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.PostChargeAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Grants the tenant a credit: it settles open charges (oldest due first unless told otherwise), and the rest becomes credit balance.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The credit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="ArgumentException"><see cref="CreditRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<LedgerTransaction> GrantCreditAsync(ITenantUnitOfWork unit, CreditRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        InvalidLedgerAmountException.ThrowIfNotPositive(request.Amount, "a credit");
        var reason = ReasonRequiredException.Require(request.Reason, LedgerTransactionKind.Credit);
        if (!Enum.IsDefined(request.Kind))
        {
            throw new ArgumentException($"Credit kind {request.Kind} is not defined; expected Goodwill, Promotional or Correction.", nameof(request));
        }

        var fingerprint = request.Fingerprint();
        if (await FindReplayAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            return await ReplayedTransactionAsync(unit, entry, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var id = LedgerTransactionId.New();
        var debit = request.Kind == CreditKind.Correction ? LedgerAccount.Revenue : LedgerAccount.Adjustments;
        var (postings, allocations, open) = await CreditTenantAsync(unit, request.Amount, debit, request.ApplyFirst, cancellationToken).ConfigureAwait(false);
        var transaction = new LedgerTransaction(id, LedgerTransactionKind.Credit, request.Amount, postings, request.Actor, now, request.IdempotencyKey)
        {
            CreditKind = request.Kind,
            Reason = reason,
            Customer = request.Customer,
            Invoice = request.Invoice,
            Allocations = allocations,
        };
        await StageAsync(unit, request, fingerprint, transaction, open, null, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Grants the tenant a credit in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The credit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="ArgumentException"><see cref="CreditRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<LedgerTransaction> GrantCreditAsync(TenantId tenant, CreditRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.GrantCreditAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Adjusts what the tenant owes by hand: an increase behaves like a charge, a decrease like a credit, both against the adjustments account.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The adjustment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="ArgumentException">An increase has no due date, or the direction is not defined.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<LedgerTransaction> PostAdjustmentAsync(ITenantUnitOfWork unit, AdjustmentRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        InvalidLedgerAmountException.ThrowIfNotPositive(request.Amount, "an adjustment");
        var reason = ReasonRequiredException.Require(request.Reason, LedgerTransactionKind.Adjustment);
        if (!Enum.IsDefined(request.Direction))
        {
            throw new ArgumentException($"Adjustment direction {request.Direction} is not defined; expected IncreaseDue or DecreaseDue.", nameof(request));
        }

        if (request.Direction == AdjustmentDirection.IncreaseDue && request.DueDate is null)
        {
            throw new ArgumentException("An adjustment that increases what the tenant owes needs a due date.", nameof(request));
        }

        var fingerprint = request.Fingerprint();
        if (await FindReplayAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            return await ReplayedTransactionAsync(unit, entry, cancellationToken).ConfigureAwait(false);
        }

        var now = _clock.GetCurrentInstant();
        var id = LedgerTransactionId.New();
        IReadOnlyList<LedgerPosting> postings;
        IReadOnlyList<OpenCharge> open;
        IReadOnlyList<ChargeAllocation> allocations = [];
        if (request.Direction == AdjustmentDirection.IncreaseDue)
        {
            (postings, open) = await DebitTenantAsync(
                unit, id, request.Amount, LedgerAccount.Adjustments, request.DueDate!.Value, now, request.Customer, null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (postings, allocations, open) = await CreditTenantAsync(unit, request.Amount, LedgerAccount.Adjustments, null, cancellationToken).ConfigureAwait(false);
        }

        var transaction = new LedgerTransaction(id, LedgerTransactionKind.Adjustment, request.Amount, postings, request.Actor, now, request.IdempotencyKey)
        {
            AdjustmentDirection = request.Direction,
            Reason = reason,
            DueDate = request.Direction == AdjustmentDirection.IncreaseDue ? request.DueDate : null,
            Customer = request.Customer,
            Allocations = allocations,
        };
        await StageAsync(unit, request, fingerprint, transaction, open, null, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Adjusts what the tenant owes in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The adjustment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transaction posted, or the first one posted under the same idempotency key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="ArgumentException">An increase has no due date, or the direction is not defined.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<LedgerTransaction> PostAdjustmentAsync(TenantId tenant, AdjustmentRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.PostAdjustmentAsync(unit, request, cancellationToken), cancellationToken);

    private static void Validate(ITenantUnitOfWork unit, LedgerRequest request)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(request);
        request.ValidateCommon(nameof(request));
    }

    /// <summary>Runs a unit-taking operation in a unit of its own and commits it.</summary>
    /// <remarks>The operation is a static lambda given the service and the request, so no closure is allocated per call.</remarks>
    private async Task<T> InOwnUnitAsync<TRequest, T>(
        TenantId tenant, TRequest request, Func<LedgerService, ITenantUnitOfWork, TRequest, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var unit = await _units.BeginAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (unit.ConfigureAwait(false))
        {
            var result = await operation(this, unit, request, cancellationToken).ConfigureAwait(false);
            await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    private async ValueTask<LedgerIdempotencyEntry?> FindReplayAsync(ITenantUnitOfWork unit, LedgerRequest request, string fingerprint, CancellationToken cancellationToken)
    {
        var entry = await _store.FindIdempotencyEntryAsync(unit, request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        return string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal)
            ? entry
            : throw new IdempotencyConflictException(unit.Tenant, request.IdempotencyKey);
    }

    private async Task<LedgerTransaction> ReplayedTransactionAsync(ITenantUnitOfWork unit, LedgerIdempotencyEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Transaction is { } id && await _store.GetTransactionAsync(unit, id, cancellationToken).ConfigureAwait(false) is { } transaction)
        {
            return transaction;
        }

        throw new InvalidOperationException($"Idempotency key '{entry.Key}' of tenant {unit.Tenant} records transaction {entry.Transaction}, which the store does not hold.");
    }

    private ValueTask StageAsync(
        ITenantUnitOfWork unit,
        LedgerRequest request,
        string fingerprint,
        LedgerTransaction? transaction,
        IReadOnlyList<OpenCharge> open,
        PaymentRecord? payment,
        CancellationToken cancellationToken) =>
        _store.StageAsync(
            unit,
            new LedgerWrite
            {
                Idempotency = new LedgerIdempotencyEntry(request.IdempotencyKey, fingerprint, transaction?.Id, payment?.Id),
                Transaction = transaction,
                OpenCharges = open,
                Payment = payment,
            },
            cancellationToken);

    /// <summary>The tenant owes <paramref name="amount"/> more: the credit balance pays first, the rest becomes an open charge.</summary>
    private async ValueTask<(IReadOnlyList<LedgerPosting> Postings, IReadOnlyList<OpenCharge> Open)> DebitTenantAsync(
        ITenantUnitOfWork unit,
        LedgerTransactionId id,
        Money amount,
        LedgerAccount counterAccount,
        LocalDate dueDate,
        Instant now,
        CustomerId? customer,
        InvoiceId? invoice,
        string? invoiceNumber,
        CancellationToken cancellationToken)
    {
        var balances = await _store.GetBalancesAsync(unit, amount.Currency, cancellationToken).ConfigureAwait(false);
        var split = CreditConsumption.Split(amount, balances.CreditBalance);
        var postings = new List<LedgerPosting>(3);
        if (split.FromCredit.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.CreditBalance, PostingSide.Debit, split.FromCredit));
        }

        IReadOnlyList<OpenCharge> open = [];
        if (split.Receivable.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.Receivable, PostingSide.Debit, split.Receivable));
            open =
            [
                new OpenCharge
                {
                    Charge = id,
                    DueDate = dueDate,
                    Original = split.Receivable,
                    Outstanding = split.Receivable,
                    PostedAt = now,
                    Customer = customer,
                    Invoice = invoice,
                    InvoiceNumber = invoiceNumber,
                },
            ];
        }

        postings.Add(new LedgerPosting(counterAccount, PostingSide.Credit, amount));
        return (postings, open);
    }

    /// <summary>The open charges that <paramref name="applied"/> settled, each with what it still owes.</summary>
    /// <remarks>Every applied charge is among <paramref name="openCharges"/>. Both lists are usually in the same order
    /// (oldest due first), so the search resumes where the previous one ended: one pass in the usual case.</remarks>
    private static OpenCharge[] Settled(IReadOnlyList<OpenCharge> openCharges, IReadOnlyList<ChargeAllocation> applied)
    {
        var settled = new OpenCharge[applied.Count];
        var at = 0;
        for (var i = 0; i < settled.Length; i++)
        {
            var allocation = applied[i];
            for (var looked = 0; looked < openCharges.Count; looked++, at = (at + 1) % openCharges.Count)
            {
                var charge = openCharges[at];
                if (charge.Charge == allocation.Charge)
                {
                    settled[i] = charge with { Outstanding = charge.Outstanding - allocation.Amount };
                    break;
                }
            }
        }

        return settled;
    }

    /// <summary>The tenant owes <paramref name="amount"/> less: open charges are settled, the excess becomes credit balance.</summary>
    private async ValueTask<(IReadOnlyList<LedgerPosting> Postings, IReadOnlyList<ChargeAllocation> Allocations, IReadOnlyList<OpenCharge> Open)> CreditTenantAsync(
        ITenantUnitOfWork unit,
        Money amount,
        LedgerAccount debitAccount,
        IReadOnlyList<LedgerTransactionId>? applyFirst,
        CancellationToken cancellationToken)
    {
        var openCharges = await _store.GetOpenChargesAsync(unit, amount.Currency, cancellationToken).ConfigureAwait(false);
        var allocation = CashApplication.Allocate(amount, openCharges, applyFirst);
        var postings = new List<LedgerPosting>(3) { new(debitAccount, PostingSide.Debit, amount) };
        var applied = allocation.TotalApplied;
        if (applied.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.Receivable, PostingSide.Credit, applied));
        }

        if (allocation.Excess.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.CreditBalance, PostingSide.Credit, allocation.Excess));
        }

        return (postings, allocation.Applied, Settled(openCharges, allocation.Applied));
    }
}
