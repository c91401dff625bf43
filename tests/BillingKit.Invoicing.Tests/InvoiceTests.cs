using NodaTime;
using static BillingKit.Invoicing.Tests.Sample;

namespace BillingKit.Invoicing.Tests;

public class InvoiceTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 9, 0);

    [Fact]
    public void A_draft_has_no_number_and_its_due_date_comes_from_the_payment_terms()
    {
        var draft = Draft(Line(89m));

        Assert.Equal(InvoiceStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        Assert.Equal(new LocalDate(2026, 1, 31), draft.DueDate);
        Assert.Equal(Usd(89m), draft.Total);
        Assert.Equal(Usd(89m), draft.AmountRemaining);
    }

    [Fact]
    public void Finalizing_numbers_the_invoice_and_makes_it_immutable()
    {
        var open = Draft(Line(89m)).FinalizeAs("INV-2026-00001", Now);

        Assert.Equal(InvoiceStatus.Open, open.Status);
        Assert.Equal("INV-2026-00001", open.Number);
        var error = Assert.Throws<InvoiceStateException>(() => open.AddLine(Line(10m)));
        Assert.Equal(InvoiceStatus.Open, error.Status);
        Assert.Contains("only drafts can be edited", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvoiceStateException>(() => open.RemoveLineAt(0));
        Assert.Throws<InvoiceStateException>(() => open.WithMemo("changed"));
        Assert.Throws<InvoiceStateException>(() => open.FinalizeAs("INV-2026-00002", Now));
    }

    [Fact]
    public void An_empty_draft_cannot_be_finalized()
    {
        var error = Assert.Throws<InvoiceValidationException>(() => Draft().FinalizeAs("INV-1", Now));
        Assert.Contains("no lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_total_invoice_is_paid_on_finalization()
    {
        var invoice = Draft(Line(0m)).FinalizeAs("INV-1", Now);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
    }

    [Fact]
    public void A_line_in_another_currency_is_refused_and_the_draft_is_unchanged()
    {
        var draft = Draft(Line(10m));
        var error = Assert.Throws<CurrencyMismatchException>(() => draft.AddLine(InvoiceLine.Create("Seat", Money.FromMajor(5m, Currency.EUR))));

        Assert.Equal(Currency.USD, error.Expected);
        Assert.Equal(Currency.EUR, error.Actual);
        Assert.Single(draft.Lines);
    }

    [Fact]
    public void Partial_payments_leave_an_amount_remaining_until_the_invoice_is_paid()
    {
        var open = Draft(Line(100m)).FinalizeAs("INV-1", Now);

        var partly = open.RecordPayment(Usd(40m), Now);
        Assert.Equal(InvoiceStatus.Open, partly.Status);
        Assert.Equal(Usd(60m), partly.AmountRemaining);

        var paid = partly.RecordPayment(Usd(60m), Now);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.True(paid.AmountRemaining.IsZero);
        Assert.Equal(Now, paid.ClosedAt);
    }

    [Fact]
    public void Paying_more_than_remains_is_refused()
    {
        var open = Draft(Line(100m)).FinalizeAs("INV-1", Now);
        Assert.Throws<InvoiceValidationException>(() => open.RecordPayment(Usd(100.01m), Now));
        Assert.Throws<InvoiceValidationException>(() => open.RecordPayment(Usd(0m), Now));
    }

    [Fact]
    public void Paying_a_void_invoice_or_a_draft_is_refused()
    {
        var voided = Draft(Line(100m)).FinalizeAs("INV-1", Now).MarkVoid(Now);
        var error = Assert.Throws<InvoiceStateException>(() => voided.RecordPayment(Usd(10m), Now));
        Assert.Equal(InvoiceStatus.Void, error.Status);
        Assert.Throws<InvoiceStateException>(() => Draft(Line(1m)).RecordPayment(Usd(1m), Now));
    }

    [Fact]
    public void Statuses_move_only_along_allowed_transitions()
    {
        var open = Draft(Line(100m)).FinalizeAs("INV-1", Now);
        var uncollectible = open.MarkUncollectible();
        Assert.Equal(InvoiceStatus.Uncollectible, uncollectible.Status);
        Assert.Throws<InvoiceStateException>(() => uncollectible.MarkUncollectible());

        var paidLate = uncollectible.RecordPayment(Usd(100m), Now);
        Assert.Equal(InvoiceStatus.Paid, paidLate.Status);
        Assert.Throws<InvoiceStateException>(() => paidLate.MarkVoid(Now));
        Assert.Throws<InvoiceStateException>(() => paidLate.MarkUncollectible());

        var partlyPaid = open.RecordPayment(Usd(10m), Now);
        Assert.Throws<InvoiceValidationException>(() => partlyPaid.MarkVoid(Now));
    }

    [Fact]
    public void A_credit_note_splits_into_refund_balance_credit_and_write_off_that_sum_to_its_amount()
    {
        var paid = Draft(Line(100m)).FinalizeAs("INV-1", Now).RecordPayment(Usd(100m), Now);
        var note = CreditNote.Create(CreditNoteId.New(), paid.Id, Usd(30m), Usd(20m), Usd(10m), Usd(0m), "Outage credit", Now);

        var credited = paid.ApplyCreditNote(note, Now);

        Assert.Equal(Usd(30m), credited.AmountCredited);
        Assert.Equal(Usd(30m), credited.AmountReturned);
        Assert.True(credited.AmountRemaining.IsZero);
        Assert.Equal(InvoiceStatus.Paid, credited.Status);
        Assert.Throws<InvoiceValidationException>(() => CreditNote.Create(CreditNoteId.New(), paid.Id, Usd(30m), Usd(20m), Usd(5m), Usd(0m), "Does not add up", Now));
    }

    [Fact]
    public void Writing_off_the_unpaid_part_reduces_what_is_owed()
    {
        var open = Draft(Line(100m)).FinalizeAs("INV-1", Now).RecordPayment(Usd(60m), Now);
        var note = CreditNote.Create(CreditNoteId.New(), open.Id, Usd(40m), Usd(0m), Usd(0m), Usd(40m), "Goodwill", Now);

        var settled = open.ApplyCreditNote(note, Now);

        Assert.Equal(InvoiceStatus.Paid, settled.Status);
        Assert.True(settled.AmountRemaining.IsZero);
    }

    [Fact]
    public void A_credit_note_cannot_refund_unpaid_money_or_leave_an_overpayment()
    {
        var open = Draft(Line(100m)).FinalizeAs("INV-1", Now);
        var refundUnpaid = CreditNote.Create(CreditNoteId.New(), open.Id, Usd(10m), Usd(10m), Usd(0m), Usd(0m), "Refund", Now);
        Assert.Throws<InvoiceValidationException>(() => open.ApplyCreditNote(refundUnpaid, Now));

        var paid = open.RecordPayment(Usd(100m), Now);
        var writeOffPaid = CreditNote.Create(CreditNoteId.New(), paid.Id, Usd(10m), Usd(0m), Usd(0m), Usd(10m), "Write-off", Now);
        Assert.Throws<InvoiceValidationException>(() => paid.ApplyCreditNote(writeOffPaid, Now));

        var tooMuch = CreditNote.Create(CreditNoteId.New(), paid.Id, Usd(100.01m), Usd(100.01m), Usd(0m), Usd(0m), "Too much", Now);
        Assert.Throws<InvoiceValidationException>(() => paid.ApplyCreditNote(tooMuch, Now));
        Assert.Throws<InvoiceStateException>(() => Draft(Line(1m)).ApplyCreditNote(refundUnpaid, Now));
    }

    [Fact]
    public void A_manual_invoice_needs_payment_instructions()
    {
        var request = NewInvoice(Line(5000m)) with { CollectionMethod = CollectionMethod.Manual };
        Assert.Throws<InvoiceValidationException>(() => Invoice.CreateDraft(InvoiceId.New(), TestBed.Tenant, request, Now));

        var manual = Invoice.CreateDraft(InvoiceId.New(), TestBed.Tenant, request with { PaymentInstructions = "Wire to First Bank 0123456789, quote the invoice number." }, Now);
        Assert.Equal(CollectionMethod.Manual, manual.CollectionMethod);
        Assert.StartsWith("Wire to", manual.PaymentInstructions, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_line_from_a_draft_updates_the_totals()
    {
        var draft = Draft(Line(10m, taxRate: 0.2m), Line(5m)).RemoveLineAt(0);

        Assert.Single(draft.Lines);
        Assert.Equal(Usd(5m), draft.Total);
        Assert.Equal(Usd(0m), draft.TaxTotal);
    }
}
