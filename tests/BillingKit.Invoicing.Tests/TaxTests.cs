using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Invoicing.Tests;

public class TaxTests
{
    [Fact]
    public void Exclusive_tax_is_added_per_line_rounding_half_up()
    {
        // 3 x 3.33 = 9.99; 7.5 % of 9.99 = 0.74925 -> 0.75.
        var line = InvoiceLine.Create("Seats", Sample.Usd(3.33m), 3m, 0.075m);

        Assert.Equal(Sample.Usd(9.99m), line.Amount);
        Assert.Equal(Sample.Usd(0.75m), line.TaxAmount);
        Assert.Equal(Sample.Usd(10.74m), line.Total);
    }

    [Fact]
    public void Inclusive_tax_is_taken_out_of_the_gross_which_rounding_never_changes()
    {
        // Gross 10.00 at 20 %: net 10 / 1.2 = 8.333... -> 8.33, tax 1.67.
        var line = InvoiceLine.Create("Seat", Sample.Usd(10m), 1m, 0.2m, TaxMode.Inclusive);

        Assert.Equal(Sample.Usd(8.33m), line.Amount);
        Assert.Equal(Sample.Usd(1.67m), line.TaxAmount);
        Assert.Equal(Sample.Usd(10m), line.Total);
    }

    [Fact]
    public void A_line_whose_tax_mode_differs_from_the_invoice_is_refused()
    {
        var inclusive = InvoiceLine.Create("Seat", Sample.Usd(10m), 1m, 0.2m, TaxMode.Inclusive);
        Assert.Throws<InvoiceValidationException>(() => Sample.Draft().AddLine(inclusive));
    }

    [Fact]
    public void Tax_and_totals_add_up_for_random_lines() =>
        PropertyTest.Check(Prop.ForAll(
            Generators.Currencies().ToArbitrary(),
            Gen.Elements(TaxMode.Exclusive, TaxMode.Inclusive).ToArbitrary(),
            Gen.ListOf(LineSpec()).ToArbitrary(),
            (currency, mode, specs) =>
            {
                var lines = specs.Select(s => InvoiceLine.Create("Item", Money.FromMinorUnits(s.Units, currency), s.Quantity, s.Rate, mode)).ToArray();
                var request = new NewInvoice(Sample.Customer, Sample.Party, currency, new LocalDate(2026, 1, 1), PaymentTerms.Net30) { Lines = lines, TaxMode = mode };
                var invoice = Invoice.CreateDraft(InvoiceId.New(), TestBed.Tenant, request, Instant.FromUtc(2026, 1, 1, 0, 0));
                var zero = Money.Zero(currency);
                var linesAddUp = lines.All(l => l.Total == l.Amount + l.TaxAmount);
                var grossKept = mode == TaxMode.Exclusive || lines.All(l => l.Total == l.UnitPrice.Multiply(l.Quantity, RoundingMode.HalfUp));
                var taxWithinHalfUnit = mode == TaxMode.Inclusive || lines.All(l => Math.Abs((l.Amount.ToMajor() * l.TaxRate) - l.TaxAmount.ToMajor()) * currency.MinorUnitsPerMajor <= 0.5m);
                return linesAddUp && grossKept && taxWithinHalfUnit
                    && invoice.Subtotal == lines.Aggregate(zero, (sum, l) => sum + l.Amount)
                    && invoice.TaxTotal == lines.Aggregate(zero, (sum, l) => sum + l.TaxAmount)
                    && invoice.Total == lines.Aggregate(zero, (sum, l) => sum + l.Total)
                    && invoice.Total == invoice.Subtotal + invoice.TaxTotal;
            }));

    private static Gen<(long Units, decimal Quantity, decimal Rate)> LineSpec() =>
        from units in Gen.Choose(-100_000, 10_000_000)
        from quantity in Gen.Choose(1, 100_000)
        from rate in Gen.Choose(0, 3000)
        select ((long)units, quantity / 100m, rate / 10_000m);
}
