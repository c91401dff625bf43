using BenchmarkDotNet.Attributes;
using BillingKit.Invoicing;
using NodaTime;

namespace BillingKit.Benchmarks.Invoicing;

/// <summary>
/// Consolidating a billing group of 10,000 subscriptions into one invoice. The baseline is the least a hand-written
/// version does: one priced line per subscription and a running total, with no billing calendar, no customer names,
/// no ordering and no invoice. <c>Consolidate</c> is the real pure function (calendar lookup of each subscription's
/// charges in the period, lines stamped with customer and period, oldest-due ordering, a draft invoice with totals);
/// <c>ConsolidateAndSettle</c> also finalizes it and allocates one payment for the whole total across the lines.
/// </summary>
[MemoryDiagnoser]
public class InvoicingBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 2, 1, 0, 0);
    private static readonly BillingPeriod February = new(new LocalDate(2026, 2, 1), new LocalDate(2026, 3, 1));
    private BillingGroup _group = null!;
    private Subscription[] _subscriptions = [];
    private Invoice[] _memberDrafts = [];

    [Params(10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var group = BillingGroup.Create(BillingGroupId.From("grp_bench"), "Bench Holdings", new InvoiceParty("Payer"), "ap@bench.example", PaymentTerms.Net30, Currency.USD, Now);
        var members = Subscriptions / 4;
        _group = Enumerable.Range(0, members).Aggregate(group, (g, i) => g.AddMember(new BillingGroupMember(CustomerId.From("cus_" + i), "Department " + i)));
        _subscriptions = Enumerable.Range(0, Subscriptions)
            .Select(i => Subscription.Create(
                SubscriptionId.From("sub_" + i),
                new NewSubscription(CustomerId.From("cus_" + (i % members)), PlanId.From("plan_" + (i % 7)), BillingKit.Money.FromMinorUnits(1_000 + (i % 9_000), Currency.USD), BillingFrequency.Monthly, new LocalDate(2025, 1, 1).PlusDays(i % 365)) { TaxRate = 0.075m }))
            .ToArray();
        _memberDrafts = Enumerable.Range(0, members)
            .Select(m => Invoice.CreateDraft(
                InvoiceId.From("inv_" + m),
                TenantId.From("bench"),
                new NewInvoice(CustomerId.From("cus_" + m), new InvoiceParty("Department " + m), Currency.USD, February.Start, PaymentTerms.Net30)
                {
                    Lines = Enumerable.Range(0, 4).Select(k => InvoiceLine.Create("Plan", BillingKit.Money.FromMinorUnits(1_000 + (((m * 4) + k) % 9_000), Currency.USD), 1m, 0.075m)).ToArray(),
                },
                Now))
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public BillingKit.Money NaiveLinesAndTotal()
    {
        var total = BillingKit.Money.Zero(Currency.USD);
        var lines = new List<InvoiceLine>(_subscriptions.Length);
        foreach (var subscription in _subscriptions)
        {
            var line = InvoiceLine.Create(subscription.Description, subscription.Price, 1m, subscription.TaxRate);
            lines.Add(line);
            total += line.Total;
        }

        return total;
    }

    [Benchmark]
    public Invoice Consolidate() =>
        InvoiceConsolidation.Consolidate(InvoiceId.From("inv_group"), TenantId.From("bench"), _group, _subscriptions, February, February.Start, Now);

    [Benchmark]
    public Invoice ConsolidateMemberDrafts() =>
        InvoiceConsolidation.Consolidate(InvoiceId.From("inv_group"), TenantId.From("bench"), _group, _memberDrafts, February.Start, Now);

    [Benchmark]
    public int ConsolidateAndSettle()
    {
        var invoice = Consolidate().FinalizeAs("INV-2026-00001", Now);
        return InvoiceConsolidation.AllocatePayment(invoice, invoice.Total).Count;
    }
}
