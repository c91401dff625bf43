using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Invoicing.Tests;

public class BillingGroupTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly BillingPeriod January = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1));

    private static BillingGroup Group(params string[] customers)
    {
        var group = BillingGroup.Create(BillingGroupId.From("grp_globex"), "Globex Holdings", new InvoiceParty("Hank Scorpio", Sample.Party.Address), "ap@globex.example", PaymentTerms.Net14, Currency.USD, Now);
        return customers.Aggregate(group, (g, c) => g.AddMember(new BillingGroupMember(CustomerId.From(c), "Globex " + c)));
    }

    private static Subscription Sub(string customer, decimal price, LocalDate start, decimal taxRate = 0m) =>
        Subscription.Create(SubscriptionId.New(), new NewSubscription(CustomerId.From(customer), PlanId.From("pro"), Sample.Usd(price), BillingFrequency.Monthly, start) { TaxRate = taxRate, Description = "Pro plan" });

    [Fact]
    public void Members_can_be_added_and_removed_once()
    {
        var group = Group("east", "west");
        Assert.Throws<BillingGroupMembershipException>(() => group.AddMember(new BillingGroupMember(CustomerId.From("east"), "Again")));
        var smaller = group.RemoveMember(CustomerId.From("east"));
        Assert.False(smaller.Contains(CustomerId.From("east")));
        Assert.Throws<BillingGroupMembershipException>(() => smaller.RemoveMember(CustomerId.From("east")));
    }

    [Fact]
    public void A_consolidated_invoice_has_one_line_per_subscription_with_the_customer_name()
    {
        var group = Group("east", "west");
        var subscriptions = new[]
        {
            Sub("east", 89m, new LocalDate(2025, 11, 5)),
            Sub("west", 49m, new LocalDate(2026, 1, 20)),
            Sub("west", 10m, new LocalDate(2026, 2, 3)),
            Sub("outsider", 999m, new LocalDate(2026, 1, 1)),
        };

        var invoice = InvoiceConsolidation.Consolidate(InvoiceId.New(), TestBed.Tenant, group, subscriptions, January, new LocalDate(2026, 1, 1), Now);

        Assert.Equal(group.Id, invoice.BillingGroupId);
        Assert.Equal("Globex Holdings", invoice.Customer.Name);
        Assert.Equal(new LocalDate(2026, 1, 15), invoice.DueDate);
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Equal(["Globex east", "Globex west"], invoice.Lines.Select(l => l.CustomerName!).ToArray());
        Assert.Equal(new BillingPeriod(new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 5)), invoice.Lines[0].Period);
        Assert.Equal(Sample.Usd(138m), invoice.Total);
    }

    [Fact]
    public void A_partial_group_payment_settles_the_oldest_lines_first()
    {
        var lines = new[]
        {
            Sample.Line(50m) with { CustomerName = "B", OriginalDueDate = new LocalDate(2026, 1, 10) },
            Sample.Line(30m) with { CustomerName = "A", OriginalDueDate = new LocalDate(2026, 1, 2) },
            Sample.Line(20m) with { CustomerName = "C", OriginalDueDate = new LocalDate(2026, 1, 20) },
        };
        var invoice = Sample.Draft(lines).FinalizeAs("INV-1", Now);

        var first = InvoiceConsolidation.AllocatePayment(invoice, Sample.Usd(40m));
        Assert.Equal([(1, Sample.Usd(30m)), (0, Sample.Usd(10m))], first.Select(a => (a.LineIndex, a.Amount)));

        var second = InvoiceConsolidation.AllocatePayment(invoice.RecordPayment(Sample.Usd(40m), Now), Sample.Usd(60m));
        Assert.Equal([(0, Sample.Usd(40m)), (2, Sample.Usd(20m))], second.Select(a => (a.LineIndex, a.Amount)));
    }

    [Fact]
    public void A_consolidated_invoice_total_equals_the_sum_of_the_invoices_it_replaces() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.ListOf(Gen.ListOf(LineGen()).Select(l => l.ToArray())).Select(l => l.ToArray()).ToArbitrary(),
            invoicesLines =>
            {
                var group = Group(invoicesLines.Select((_, i) => "c" + i).ToArray());
                var drafts = invoicesLines.Select((lines, i) =>
                    Invoice.CreateDraft(InvoiceId.New(), TestBed.Tenant, new NewInvoice(CustomerId.From("c" + i), new InvoiceParty("C" + i), Currency.USD, new LocalDate(2026, 1, 1).PlusDays(i), PaymentTerms.Net30) { Lines = lines }, Now)).ToArray();
                var consolidated = InvoiceConsolidation.Consolidate(InvoiceId.New(), TestBed.Tenant, group, drafts, new LocalDate(2026, 2, 1), Now);
                var zero = Money.Zero(Currency.USD);
                return consolidated.Total == drafts.Aggregate(zero, (s, d) => s + d.Total)
                    && consolidated.TaxTotal == drafts.Aggregate(zero, (s, d) => s + d.TaxTotal)
                    && consolidated.Lines.Count == drafts.Sum(d => d.Lines.Count)
                    && consolidated.Lines.All(l => l.CustomerName is not null);
            }));

    [Fact]
    public void Group_payment_allocation_sums_exactly_to_the_payment() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.NonEmptyListOf(LineGen()).Select(l => l.ToArray()).ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 1000)).ToArbitrary(),
            (lines, weights) =>
            {
                var invoice = Sample.Draft(lines);
                if (invoice.Total.IsZero || invoice.Total.IsNegative)
                {
                    return true;
                }

                invoice = invoice.FinalizeAs("INV-1", Now);
                var perLine = new long[lines.Length];
                foreach (var weight in weights.Append(1000))
                {
                    if (invoice.Status == InvoiceStatus.Paid)
                    {
                        break;
                    }

                    var remaining = invoice.AmountRemaining.MinorUnits;
                    var payment = Money.FromMinorUnits(Math.Max(1, remaining * weight / 1000), Currency.USD);
                    var allocations = InvoiceConsolidation.AllocatePayment(invoice, payment);
                    if (allocations.Aggregate(Money.Zero(Currency.USD), (s, a) => s + a.Amount) != payment || allocations.Any(a => !a.Amount.IsPositive))
                    {
                        return false;
                    }

                    foreach (var allocation in allocations)
                    {
                        perLine[allocation.LineIndex] += allocation.Amount.MinorUnits;
                    }

                    invoice = invoice.RecordPayment(payment, Now);
                }

                // Once the invoice is paid, each line has received exactly its total (lines of zero or less receive nothing).
                return lines.Select((l, i) => perLine[i] <= Math.Max(0, l.Total.MinorUnits)).All(ok => ok)
                    && perLine.Sum() == invoice.AmountPaid.MinorUnits;
            }));

    [Fact]
    public void A_group_period_bills_exactly_the_scheduled_payments_that_fall_due_in_it() =>
        PropertyTest.Check(Prop.ForAll(
            Generators.AnchorDate().ToArbitrary(),
            Generators.Frequency().ToArbitrary(),
            Gen.Choose(-400, 2000).SelectMany(o => Gen.Choose(1, 120), (o, l) => (Offset: o, Length: l)).ToArbitrary(),
            (start, frequency, window) =>
            {
                var (offset, length) = window;
                var subscription = Subscription.Create(SubscriptionId.New(), new NewSubscription(CustomerId.From("c0"), PlanId.From("p"), Sample.Usd(10m), frequency, start) { ContractPeriods = 40 });
                if (length % 3 == 0)
                {
                    subscription = subscription.Cancel(start.PlusDays(offset + (length / 2)), length % 2 == 0 ? CancellationTiming.Immediately : CancellationTiming.AtPeriodEnd);
                }

                var period = new BillingPeriod(start.PlusDays(offset), start.PlusDays(offset + length));
                var expected = PaymentSchedule.Generate(subscription).Where(p => p.Status == ScheduledPaymentStatus.Pending && period.Contains(p.DueDate)).Select(p => p.Period);
                var actual = InvoiceConsolidation.LinesFor(Group("c0"), [subscription], period).Select(l => l.Period!.Value);
                return expected.SequenceEqual(actual);
            }));

    private static Gen<InvoiceLine> LineGen() =>
        from units in Gen.Choose(-1_000, 1_000_000)
        from rate in Gen.Elements(0m, 0.05m, 0.075m, 0.2m)
        from day in Gen.Choose(0, 60)
        select InvoiceLine.Create("Sub", Money.FromMinorUnits(units, Currency.USD), 1m, rate) with { OriginalDueDate = new LocalDate(2026, 1, 1).PlusDays(day) };
}
