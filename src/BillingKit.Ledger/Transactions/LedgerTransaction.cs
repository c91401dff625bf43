using NodaTime;

namespace BillingKit.Ledger;

/// <summary>
/// One posted, immutable ledger transaction: balanced postings plus who did it, why, when, through which provider,
/// under which idempotency key, and what it concerns.
/// </summary>
/// <remarks>Transactions are append-only; a correction is a new transaction. Every transaction is in one currency,
/// and its debits equal its credits.</remarks>
public sealed record LedgerTransaction
{
    /// <summary>Creates a transaction, checking that its postings balance.</summary>
    /// <param name="id">The transaction id.</param>
    /// <param name="kind">What it records.</param>
    /// <param name="amount">The headline amount (the charge, payment, refund... amount); positive.</param>
    /// <param name="postings">Two or more postings in the amount's currency whose debits equal their credits.</param>
    /// <param name="actor">Who posted it.</param>
    /// <param name="postedAt">When it was posted.</param>
    /// <param name="idempotencyKey">The key under which it was posted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="postings"/> or <paramref name="actor"/> is null.</exception>
    /// <exception cref="ArgumentException">The postings are fewer than two or do not balance, or the id or key is <c>default</c>.</exception>
    /// <exception cref="InvalidLedgerAmountException"><paramref name="amount"/> is zero or negative.</exception>
    /// <exception cref="CurrencyMismatchException">A posting is in another currency than the amount.</exception>
    public LedgerTransaction(
        LedgerTransactionId id,
        LedgerTransactionKind kind,
        Money amount,
        IReadOnlyList<LedgerPosting> postings,
        Actor actor,
        Instant postedAt,
        IdempotencyKey idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(actor);
        if (id.Value.Length == 0)
        {
            throw new ArgumentException("A transaction needs an id; default(LedgerTransactionId) is not one.", nameof(id));
        }

        if (idempotencyKey.Value.Length == 0)
        {
            throw new ArgumentException("A transaction needs an idempotency key; default(IdempotencyKey) is not one.", nameof(idempotencyKey));
        }

        InvalidLedgerAmountException.ThrowIfNotPositive(amount, "a transaction");
        if (postings.Count < 2)
        {
            throw new ArgumentException($"A transaction needs at least two postings; got {postings.Count}.", nameof(postings));
        }

        var debits = Money.Zero(amount.Currency);
        var credits = Money.Zero(amount.Currency);
        foreach (var posting in postings)
        {
            ArgumentNullException.ThrowIfNull(posting, nameof(postings));
            amount.EnsureSameCurrency(posting.Amount);
            if (posting.Side == PostingSide.Debit)
            {
                debits += posting.Amount;
            }
            else
            {
                credits += posting.Amount;
            }
        }

        if (debits != credits)
        {
            throw new ArgumentException($"The postings do not balance: debits {debits}, credits {credits}; expected them equal.", nameof(postings));
        }

        Id = id;
        Kind = kind;
        Amount = amount;
        Postings = [.. postings];
        Actor = actor;
        PostedAt = postedAt;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the transaction id.</summary>
    public LedgerTransactionId Id { get; }

    /// <summary>Gets what the transaction records.</summary>
    public LedgerTransactionKind Kind { get; }

    /// <summary>Gets the headline amount, positive.</summary>
    public Money Amount { get; }

    /// <summary>Gets the currency of every posting.</summary>
    public Currency Currency => Amount.Currency;

    /// <summary>Gets the postings; their debits equal their credits.</summary>
    public IReadOnlyList<LedgerPosting> Postings { get; }

    /// <summary>Gets who posted the transaction.</summary>
    public Actor Actor { get; }

    /// <summary>Gets when the transaction was posted.</summary>
    public Instant PostedAt { get; }

    /// <summary>Gets the idempotency key under which it was posted; unique per tenant.</summary>
    public IdempotencyKey IdempotencyKey { get; }

    /// <summary>Gets why it was posted; always present for refunds, credits, charge-backs, cancellations and adjustments.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets a free-text description (such as the line of a one-off charge).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the provider that moved the money, for payments, refunds, charge-backs and cancellations.</summary>
    public ProviderName? Provider { get; init; }

    /// <summary>Gets the provider's reference (charge, refund or dispute id), or the offline reference such as a check number.</summary>
    public string? ProviderReference { get; init; }

    /// <summary>Gets the payment concerned, if any.</summary>
    public PaymentId? Payment { get; init; }

    /// <summary>Gets the invoice concerned, if any.</summary>
    public InvoiceId? Invoice { get; init; }

    /// <summary>Gets the invoice number concerned, if any.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>Gets the customer concerned, if any.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the subscription concerned, if any.</summary>
    public SubscriptionId? Subscription { get; init; }

    /// <summary>Gets the kind of charge, for <see cref="LedgerTransactionKind.Charge"/>.</summary>
    public ChargeKind? ChargeKind { get; init; }

    /// <summary>Gets the kind of credit, for <see cref="LedgerTransactionKind.Credit"/>.</summary>
    public CreditKind? CreditKind { get; init; }

    /// <summary>Gets the direction, for <see cref="LedgerTransactionKind.Adjustment"/>.</summary>
    public AdjustmentDirection? AdjustmentDirection { get; init; }

    /// <summary>Gets the due date of what became receivable, for charges, increasing adjustments and cancellations.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>Gets the open charges this transaction settled (payments, credits, decreasing adjustments); empty otherwise.</summary>
    public IReadOnlyList<ChargeAllocation> Allocations { get; init; } = [];

    /// <summary>Gets the part of the amount that used or moved the credit balance: consumed by a charge, or added by a payment or credit.</summary>
    public Money CreditBalanceChange => Postings
        .Where(p => p.Account.Kind == LedgerAccountKind.CreditBalance)
        .Aggregate(Money.Zero(Currency), static (sum, p) => sum + p.SignedForAccount);
}
