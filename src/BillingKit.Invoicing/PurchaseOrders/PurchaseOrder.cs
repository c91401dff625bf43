using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>A customer's purchase order: a pre-approved amount that invoices draw down. Immutable.</summary>
/// <remarks>Billing against an order activates when it is approved. Each finalized invoice that references it draws
/// its total from <see cref="Balance"/> and may not exceed it; at zero the order is <see cref="PurchaseOrderStatus.Exhausted"/>.</remarks>
public sealed record PurchaseOrder
{
    private PurchaseOrder(PurchaseOrderId id, NewPurchaseOrder order, Instant submittedAt)
    {
        Id = id;
        CustomerId = order.CustomerId;
        Number = order.Number;
        Amount = order.Amount;
        ValidFrom = order.ValidFrom;
        ValidUntil = order.ValidUntil;
        Reference = order.Reference;
        SubmittedAt = submittedAt;
        Drawn = Money.Zero(order.Amount.Currency);
    }

    /// <summary>Gets the order's id.</summary>
    public PurchaseOrderId Id { get; }

    /// <summary>Gets the customer who issued it.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the order's number in the customer's system.</summary>
    public string Number { get; }

    /// <summary>Gets the amount approved for invoicing.</summary>
    public Money Amount { get; }

    /// <summary>Gets the order's currency.</summary>
    public Currency Currency => Amount.Currency;

    /// <summary>Gets the total of the invoices drawn on it.</summary>
    public Money Drawn { get; private init; }

    /// <summary>Gets what may still be invoiced: <see cref="Amount"/> − <see cref="Drawn"/>.</summary>
    public Money Balance => Amount - Drawn;

    /// <summary>Gets the first day invoices may be drawn on it.</summary>
    public LocalDate ValidFrom { get; }

    /// <summary>Gets the last day (inclusive) invoices may be drawn on it.</summary>
    public LocalDate ValidUntil { get; }

    /// <summary>Gets the customer's free-text reference, if any.</summary>
    public string? Reference { get; }

    /// <summary>Gets the status.</summary>
    public PurchaseOrderStatus Status { get; private init; }

    /// <summary>Gets when it was submitted.</summary>
    public Instant SubmittedAt { get; }

    /// <summary>Gets when it was approved or rejected, if it has been.</summary>
    public Instant? ReviewedAt { get; private init; }

    /// <summary>Gets who approved or rejected it, if anyone has.</summary>
    public Actor? ReviewedBy { get; private init; }

    /// <summary>Gets why it was rejected, if it was.</summary>
    public string? RejectionReason { get; private init; }

    /// <summary>Creates a submitted order, waiting for review.</summary>
    /// <param name="id">The order's id.</param>
    /// <param name="order">The order as submitted.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    /// <exception cref="PurchaseOrderValidationException">The number is empty, the amount is not positive, or the validity ends before it starts.</exception>
    public static PurchaseOrder Submit(PurchaseOrderId id, NewPurchaseOrder order, Instant now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrEmpty(id.Value) || string.IsNullOrEmpty(order.CustomerId.Value))
        {
            throw new ArgumentException("A purchase order needs its id and the customer id; a default id is not one.", nameof(order));
        }

        if (string.IsNullOrWhiteSpace(order.Number))
        {
            throw new PurchaseOrderValidationException(id, "A purchase order needs the customer's order number.");
        }

        if (!order.Amount.IsPositive)
        {
            throw new PurchaseOrderValidationException(id, $"A purchase order's amount must be above zero; got {order.Amount}.");
        }

        if (order.ValidUntil < order.ValidFrom)
        {
            throw new PurchaseOrderValidationException(id, $"A purchase order's validity must end ({order.ValidUntil:uuuu-MM-dd}) on or after it starts ({order.ValidFrom:uuuu-MM-dd}).");
        }

        return new PurchaseOrder(id, order, now) { Status = PurchaseOrderStatus.Submitted };
    }

    /// <summary>Approves a submitted order: invoices may now draw on it.</summary>
    /// <param name="reviewer">Who approves it.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The approved order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewer"/> is null.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public PurchaseOrder Approve(Actor reviewer, Instant now)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        RequireStatus(PurchaseOrderStatus.Submitted, "approve", "only submitted orders can be reviewed");
        return this with { Status = PurchaseOrderStatus.Approved, ReviewedAt = now, ReviewedBy = reviewer };
    }

    /// <summary>Rejects a submitted order with a reason for the customer.</summary>
    /// <param name="reviewer">Who rejects it.</param>
    /// <param name="reason">Why; required, and sent back to the customer.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The rejected order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviewer"/> is null.</exception>
    /// <exception cref="PurchaseOrderValidationException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="PurchaseOrderStateException">It is not submitted.</exception>
    public PurchaseOrder Reject(Actor reviewer, string? reason, Instant now)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PurchaseOrderValidationException(Id, $"Rejecting purchase order {Number} requires a reason; it is sent to the customer so they can correct and resubmit it.");
        }

        RequireStatus(PurchaseOrderStatus.Submitted, "reject", "only submitted orders can be reviewed");
        return this with { Status = PurchaseOrderStatus.Rejected, ReviewedAt = now, ReviewedBy = reviewer, RejectionReason = reason.Trim() };
    }

    /// <summary>Draws an invoice's total from the balance.</summary>
    /// <param name="amount">The invoice total; zero or more, in the order's currency.</param>
    /// <param name="on">The invoice date; must fall within the validity.</param>
    /// <returns>The order with less balance; <see cref="PurchaseOrderStatus.Exhausted"/> at zero.</returns>
    /// <exception cref="PurchaseOrderStateException">It is not approved (submitted, rejected, exhausted or expired).</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="PurchaseOrderValidationException"><paramref name="on"/> is outside the validity, or <paramref name="amount"/> is negative.</exception>
    /// <exception cref="PurchaseOrderBalanceExceededException"><paramref name="amount"/> is above the balance.</exception>
    public PurchaseOrder Draw(Money amount, LocalDate on)
    {
        RequireStatus(PurchaseOrderStatus.Approved, "draw on", "only approved orders with a balance can be invoiced against");
        if (amount.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, amount.Currency);
        }

        if (amount.IsNegative)
        {
            throw new PurchaseOrderValidationException(Id, $"Cannot draw a negative amount ({amount}) on purchase order {Number}.");
        }

        if (on < ValidFrom || on > ValidUntil)
        {
            throw new PurchaseOrderValidationException(Id, $"Purchase order {Number} is valid from {ValidFrom:uuuu-MM-dd} to {ValidUntil:uuuu-MM-dd}; an invoice dated {on:uuuu-MM-dd} cannot draw on it.");
        }

        if (amount > Balance)
        {
            throw new PurchaseOrderBalanceExceededException(Id, Balance, amount);
        }

        var drawn = Drawn + amount;
        return this with { Drawn = drawn, Status = drawn == Amount ? PurchaseOrderStatus.Exhausted : PurchaseOrderStatus.Approved };
    }

    /// <summary>Gives back what a voided invoice drew.</summary>
    /// <param name="amount">The voided invoice's total; at most <see cref="Drawn"/>.</param>
    /// <returns>The order with the balance restored; an exhausted order becomes approved again.</returns>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="PurchaseOrderValidationException"><paramref name="amount"/> is negative or above what was drawn.</exception>
    public PurchaseOrder Release(Money amount)
    {
        if (amount.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, amount.Currency);
        }

        if (amount.IsNegative || amount > Drawn)
        {
            throw new PurchaseOrderValidationException(Id, $"Can release between zero and the {Drawn} drawn on purchase order {Number}; got {amount}.");
        }

        return this with { Drawn = Drawn - amount, Status = Status == PurchaseOrderStatus.Exhausted ? PurchaseOrderStatus.Approved : Status };
    }

    /// <summary>Expires an approved or submitted order once <paramref name="today"/> is past its validity.</summary>
    /// <param name="today">The current billing date.</param>
    /// <returns>The expired order, or this one unchanged when it is still valid or already final.</returns>
    public PurchaseOrder ExpireIfPast(LocalDate today) =>
        today > ValidUntil && Status is PurchaseOrderStatus.Submitted or PurchaseOrderStatus.Approved
            ? this with { Status = PurchaseOrderStatus.Expired }
            : this;

    private void RequireStatus(PurchaseOrderStatus required, string action, string expected)
    {
        if (Status != required)
        {
            throw new PurchaseOrderStateException(Id, Status, action, expected);
        }
    }
}
