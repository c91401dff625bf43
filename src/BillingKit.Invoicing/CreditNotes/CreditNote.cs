using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>
/// A correction to a finalized invoice: an amount credited, split into what is refunded, what is credited to the
/// customer's balance, and what is written off. The three parts always add up to <see cref="Amount"/>.
/// </summary>
/// <remarks>
/// Refund and balance credit give back money the customer paid, so together they may not exceed what was paid on
/// the invoice; the write-off reduces what is still owed. <see cref="Invoice.ApplyCreditNote"/> enforces both.
/// </remarks>
public sealed record CreditNote
{
    private CreditNote(CreditNoteId id, InvoiceId invoiceId, Money amount, Money refund, Money creditToBalance, Money writtenOff, string reason, Instant issuedAt)
    {
        Id = id;
        InvoiceId = invoiceId;
        Amount = amount;
        Refund = refund;
        CreditToBalance = creditToBalance;
        WrittenOff = writtenOff;
        Reason = reason;
        IssuedAt = issuedAt;
    }

    /// <summary>Gets the credit note's id.</summary>
    public CreditNoteId Id { get; }

    /// <summary>Gets the printed number, from the tenant's credit-note series; <see langword="null"/> until issued by <see cref="InvoiceService"/>.</summary>
    public string? Number { get; internal init; }

    /// <summary>Gets the invoice it corrects.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>Gets the amount credited: <see cref="Refund"/> + <see cref="CreditToBalance"/> + <see cref="WrittenOff"/>.</summary>
    public Money Amount { get; }

    /// <summary>Gets the part paid back to the customer's payment method.</summary>
    public Money Refund { get; }

    /// <summary>Gets the part added to the customer's credit balance, for future invoices.</summary>
    public Money CreditToBalance { get; }

    /// <summary>Gets the part that is no longer owed and not paid back (a write-off of unpaid amount).</summary>
    public Money WrittenOff { get; }

    /// <summary>Gets why the credit was issued.</summary>
    public string Reason { get; }

    /// <summary>Gets when it was issued.</summary>
    public Instant IssuedAt { get; }

    /// <summary>Creates a credit note whose parts must add up to <paramref name="amount"/>.</summary>
    /// <param name="id">The credit note's id.</param>
    /// <param name="invoiceId">The invoice it corrects.</param>
    /// <param name="amount">The amount credited; above zero.</param>
    /// <param name="refund">The part refunded; zero or more.</param>
    /// <param name="creditToBalance">The part credited to the customer's balance; zero or more.</param>
    /// <param name="writtenOff">The part written off; zero or more.</param>
    /// <param name="reason">Why; not empty.</param>
    /// <param name="issuedAt">When.</param>
    /// <returns>The credit note.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or an id is the default.</exception>
    /// <exception cref="CurrencyMismatchException">The parts are in different currencies.</exception>
    /// <exception cref="InvoiceValidationException">The amount is not positive, a part is negative, or the parts do not add up to the amount.</exception>
    public static CreditNote Create(
        CreditNoteId id,
        InvoiceId invoiceId,
        Money amount,
        Money refund,
        Money creditToBalance,
        Money writtenOff,
        string reason,
        Instant issuedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.IsNullOrEmpty(id.Value) || string.IsNullOrEmpty(invoiceId.Value))
        {
            throw new ArgumentException("A credit note needs its own id and the id of the invoice it corrects.", nameof(id));
        }

        amount.EnsureSameCurrency(refund);
        amount.EnsureSameCurrency(creditToBalance);
        amount.EnsureSameCurrency(writtenOff);
        if (!amount.IsPositive)
        {
            throw new InvoiceValidationException(invoiceId, $"A credit note's amount must be above zero; got {amount}.");
        }

        if (refund.IsNegative || creditToBalance.IsNegative || writtenOff.IsNegative)
        {
            throw new InvoiceValidationException(invoiceId, $"A credit note's refund ({refund}), credit to balance ({creditToBalance}) and write-off ({writtenOff}) must each be zero or more.");
        }

        var sum = refund + creditToBalance + writtenOff;
        if (sum != amount)
        {
            throw new InvoiceValidationException(invoiceId, $"A credit note's refund ({refund}), credit to balance ({creditToBalance}) and write-off ({writtenOff}) add up to {sum}; they must add up to the credited amount {amount}.");
        }

        return new CreditNote(id, invoiceId, amount, refund, creditToBalance, writtenOff, reason, issuedAt);
    }
}
