using NodaTime;

namespace BillingKit.Invoicing;

public sealed partial record Invoice
{
    /// <summary>Adds lines to a draft.</summary>
    /// <param name="lines">The lines, in the invoice's currency and tax mode.</param>
    /// <returns>The draft with the lines appended and the totals recomputed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> or one of them is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="CurrencyMismatchException">A line is in another currency than the invoice.</exception>
    /// <exception cref="InvoiceValidationException">A line's tax mode differs from the invoice's.</exception>
    public Invoice AddLines(IEnumerable<InvoiceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        RequireDraft("add a line");
        var added = lines.ToArray();
        var subtotal = Subtotal;
        var tax = TaxTotal;
        foreach (var line in added)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (line.Currency != Currency)
            {
                throw new CurrencyMismatchException(Currency, line.Currency);
            }

            if (line.TaxMode != TaxMode)
            {
                throw new InvoiceValidationException(Id, $"The line '{line.Description}' has {line.TaxMode} prices but invoice {Id} is tax-{TaxMode}; create the line with TaxMode.{TaxMode}.");
            }

            subtotal += line.Amount;
            tax += line.TaxAmount;
        }

        return this with { Lines = [.. Lines, .. added], Subtotal = subtotal, TaxTotal = tax };
    }

    /// <summary>Adds one line to a draft.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The draft with the line appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="CurrencyMismatchException">The line is in another currency than the invoice.</exception>
    /// <exception cref="InvoiceValidationException">The line's tax mode differs from the invoice's.</exception>
    public Invoice AddLine(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return AddLines([line]);
    }

    /// <summary>Removes a line from a draft.</summary>
    /// <param name="index">The line's position in <see cref="Lines"/>, from 0.</param>
    /// <returns>The draft without the line.</returns>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a line's position.</exception>
    public Invoice RemoveLineAt(int index)
    {
        RequireDraft("remove a line");
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Lines.Count);
        var removed = Lines[index];
        var lines = Lines.Where((_, i) => i != index).ToArray();
        return this with { Lines = lines, Subtotal = Subtotal - removed.Amount, TaxTotal = TaxTotal - removed.TaxAmount };
    }

    /// <summary>Sets or clears a draft's memo.</summary>
    /// <param name="memo">The note to print, or <see langword="null"/>.</param>
    /// <returns>The draft with the memo.</returns>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    public Invoice WithMemo(string? memo)
    {
        RequireDraft("change the memo");
        return this with { Memo = memo };
    }

    /// <summary>Finalizes a draft under a number: it becomes <see cref="InvoiceStatus.Open"/> (or
    /// <see cref="InvoiceStatus.Paid"/> straight away when its total is zero) and immutable.</summary>
    /// <param name="number">The number from the tenant's numbering sequence; <see cref="InvoiceService"/> assigns it.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The finalized invoice.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is empty.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="InvoiceValidationException">The invoice has no lines, or its total is negative.</exception>
    public Invoice FinalizeAs(string number, Instant now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        RequireDraft("finalize");
        RequireFinalizable();
        var paid = Total.IsZero;
        return this with
        {
            Number = number,
            Status = paid ? InvoiceStatus.Paid : InvoiceStatus.Open,
            FinalizedAt = now,
            ClosedAt = paid ? now : null,
        };
    }

    /// <summary>Checks that a draft could be finalized (it has lines and a total of zero or more), without finalizing it.</summary>
    /// <exception cref="InvoiceValidationException">The invoice has no lines, or its total is negative.</exception>
    internal void RequireFinalizable()
    {
        if (Lines.Count == 0)
        {
            throw new InvoiceValidationException(Id, $"Invoice {Id} has no lines; add at least one line before finalizing it.");
        }

        if (Total.IsNegative)
        {
            throw new InvoiceValidationException(Id, $"Invoice {Id} totals {Total}; an invoice total must be zero or more (issue a credit note for money owed to the customer).");
        }
    }

    /// <summary>Records a payment (full or partial) against a finalized invoice.</summary>
    /// <param name="amount">The amount paid; above zero and at most <see cref="AmountRemaining"/>.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The invoice with the payment; <see cref="InvoiceStatus.Paid"/> when nothing remains.</returns>
    /// <exception cref="InvoiceStateException">The invoice is a draft, paid or void.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceValidationException"><paramref name="amount"/> is not positive or exceeds what remains.</exception>
    public Invoice RecordPayment(Money amount, Instant now)
    {
        if (Status is not (InvoiceStatus.Open or InvoiceStatus.Uncollectible))
        {
            throw new InvoiceStateException(Id, Status, "record a payment", "only Open or Uncollectible invoices can be paid");
        }

        if (amount.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, amount.Currency);
        }

        if (!amount.IsPositive)
        {
            throw new InvoiceValidationException(Id, $"A payment must be above zero; got {amount}.");
        }

        if (amount > AmountRemaining)
        {
            throw new InvoiceValidationException(Id, $"A payment of {amount} exceeds the {AmountRemaining} remaining on invoice {Number}; record at most the amount remaining and credit the excess to the customer's balance.");
        }

        var updated = this with { AmountPaid = AmountPaid + amount };
        return updated.AmountRemaining.IsZero ? updated with { Status = InvoiceStatus.Paid, ClosedAt = now } : updated;
    }

    /// <summary>Applies a credit note: reduces what is owed, gives back paid money as a refund or balance credit,
    /// and writes off the rest.</summary>
    /// <param name="creditNote">The credit note, issued against this invoice.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The invoice with the credit; <see cref="InvoiceStatus.Paid"/> when nothing remains.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creditNote"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft (edit it instead) or void.</exception>
    /// <exception cref="CurrencyMismatchException">The credit note is in another currency.</exception>
    /// <exception cref="InvoiceValidationException">The credit note is for another invoice, exceeds what can still be
    /// credited, gives back more than was paid, or leaves an overpayment that it neither refunds nor credits to the balance.</exception>
    public Invoice ApplyCreditNote(CreditNote creditNote, Instant now)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        CheckCreditNote(creditNote);
        var updated = this with
        {
            AmountCredited = AmountCredited + creditNote.Amount,
            AmountReturned = AmountReturned + creditNote.Refund + creditNote.CreditToBalance,
        };
        return updated.AmountRemaining.IsZero && Status != InvoiceStatus.Paid
            ? updated with { Status = InvoiceStatus.Paid, ClosedAt = now }
            : updated;
    }

    /// <summary>Voids the invoice: nothing is owed and nothing can be paid any more.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The void invoice.</returns>
    /// <exception cref="InvoiceStateException">The invoice is paid or already void.</exception>
    /// <exception cref="InvoiceValidationException">Money paid against it has not been given back (refund it with a credit note first).</exception>
    public Invoice MarkVoid(Instant now)
    {
        if (Status is InvoiceStatus.Paid or InvoiceStatus.Void)
        {
            throw new InvoiceStateException(Id, Status, "void", "only Draft, Open or Uncollectible invoices can be voided (issue a credit note against a paid invoice)");
        }

        if ((AmountPaid - AmountReturned).IsPositive)
        {
            throw new InvoiceValidationException(Id, $"Invoice {Number} has {AmountPaid - AmountReturned} paid against it; refund it with a credit note before voiding, or credit the rest instead.");
        }

        return this with { Status = InvoiceStatus.Void, ClosedAt = now };
    }

    /// <summary>Marks an open invoice as not expected to be paid. It can still be paid or voided later.</summary>
    /// <returns>The uncollectible invoice.</returns>
    /// <exception cref="InvoiceStateException">The invoice is not <see cref="InvoiceStatus.Open"/>.</exception>
    public Invoice MarkUncollectible()
    {
        if (Status != InvoiceStatus.Open)
        {
            throw new InvoiceStateException(Id, Status, "mark uncollectible", "only Open invoices can be marked uncollectible");
        }

        return this with { Status = InvoiceStatus.Uncollectible };
    }

    /// <summary>Checks a credit note against this invoice without applying it.</summary>
    /// <param name="creditNote">The credit note.</param>
    internal void CheckCreditNote(CreditNote creditNote)
    {
        if (Status is InvoiceStatus.Draft or InvoiceStatus.Void)
        {
            throw new InvoiceStateException(Id, Status, "issue a credit note", "credit notes apply to finalized invoices that are not void (edit a draft instead)");
        }

        if (creditNote.InvoiceId != Id)
        {
            throw new InvoiceValidationException(Id, $"Credit note {creditNote.Id} is for invoice {creditNote.InvoiceId}, not {Id}.");
        }

        if (creditNote.Amount.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, creditNote.Amount.Currency);
        }

        var creditable = Total - AmountCredited;
        if (creditNote.Amount > creditable)
        {
            throw new InvoiceValidationException(Id, $"Credit note for {creditNote.Amount} exceeds the {creditable} that can still be credited on invoice {Number} (total {Total}, already credited {AmountCredited}).");
        }

        var returned = creditNote.Refund + creditNote.CreditToBalance;
        var netPaid = AmountPaid - AmountReturned;
        if (returned > netPaid)
        {
            throw new InvoiceValidationException(Id, $"Credit note gives back {returned} (refund plus credit to balance) but only {netPaid} was paid on invoice {Number}; write off the unpaid part instead.");
        }

        var remainingAfter = AmountRemaining - creditNote.Amount + returned;
        if (remainingAfter.IsNegative)
        {
            throw new InvoiceValidationException(Id, $"Credit note would leave {remainingAfter.Abs()} paid beyond what invoice {Number} now asks; refund it or credit it to the customer's balance rather than writing it off.");
        }
    }

    private void RequireDraft(string action)
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new InvoiceStateException(Id, Status, action, "only drafts can be edited; finalized invoices are immutable (issue a credit note to correct one)");
        }
    }
}
