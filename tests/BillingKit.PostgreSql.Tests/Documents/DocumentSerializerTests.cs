using BillingKit.Ledger;
using BillingKit.PostgreSql.Documents;
using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.PostgreSql.Tests.Documents;

public class DocumentSerializerTests
{
    private static readonly Gen<Instant> Instants =
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000)
        from nanos in Gen.Choose(0, 999_999_999)
        select Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(nanos);

    [Fact]
    public void An_open_charge_round_trips_exactly_money_dates_and_nanosecond_instants() =>
        PropertyTest.Check(Prop.ForAll(
            (from amount in Generators.Amounts()
             from due in Generators.Date()
             from posted in Instants
             from customer in Gen.Elements("cus_1", "cus_ü", "cus \"quoted\"")
             select new OpenCharge
             {
                 Charge = LedgerTransactionId.From("txn_" + posted.ToUnixTimeTicks()),
                 DueDate = due,
                 Original = amount,
                 Outstanding = amount,
                 PostedAt = posted,
                 Customer = CustomerId.TryFrom(customer, out var id) ? id : null,
             }).ToArbitrary(),
            charge =>
            {
                var back = DocumentSerializer.Deserialize<OpenCharge>(DocumentSerializer.Serialize(charge));
                return back == charge && back.PostedAt == charge.PostedAt && back.Original.MinorUnits == charge.Original.MinorUnits;
            }));

    [Fact]
    public void Decimals_keep_every_digit() =>
        PropertyTest.Check(Prop.ForAll(
            (from units in Gen.Choose(int.MinValue, int.MaxValue)
             from scale in Gen.Choose(0, 12)
             select new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale)).ToArbitrary(),
            value => DocumentSerializer.Deserialize<decimal>(DocumentSerializer.Serialize(value)) == value));

    [Fact]
    public void A_document_naming_a_foreign_type_is_refused()
    {
        var json = $$"""{"$t":"{{typeof(System.Text.StringBuilder).FullName}}, {{typeof(System.Text.StringBuilder).Assembly.GetName().Name}}"}""";
        Assert.Throws<InvalidOperationException>(() => DocumentSerializer.Deserialize<object>(json));
    }
}
