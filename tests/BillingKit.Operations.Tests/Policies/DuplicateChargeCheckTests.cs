using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace BillingKit.Operations.Tests.Policies;

public class DuplicateChargeCheckTests
{
    private static readonly DateTimeZone Lagos = DateTimeZoneProviders.Tzdb["Africa/Lagos"];

    private static PaymentFacts Payment(string id, decimal usd, Instant at, string? customer = "cus_1", decimal refunded = 0m, bool succeeded = true) => new()
    {
        Payment = PaymentId.From(id),
        Tenant = DeskFixture.Tenant,
        Customer = customer is null ? null : CustomerId.From(customer),
        Provider = ProviderName.Paystack,
        Amount = Money.FromMajor(usd, Currency.USD),
        Refunded = Money.FromMajor(refunded, Currency.USD),
        PaidAt = at,
        Succeeded = succeeded,
    };

    [Fact]
    public void I_was_charged_twice_finds_the_second_charge_and_suggests_refunding_it()
    {
        var morning = Instant.FromUtc(2026, 3, 3, 8, 0);
        var payments = new[]
        {
            Payment("pay_1", 49m, morning),
            Payment("pay_2", 49m, morning + Duration.FromMinutes(3)),
            Payment("pay_3", 19m, morning + Duration.FromMinutes(5)),
            Payment("pay_4", 49m, morning + Duration.FromDays(1)),
            Payment("pay_5", 49m, morning + Duration.FromMinutes(9), succeeded: false),
            Payment("pay_6", 49m, morning + Duration.FromMinutes(10), customer: "cus_2"),
        };

        var suspected = Assert.Single(DuplicateChargeCheck.Find(payments, Lagos));

        Assert.Equal("pay_1", suspected.Original.Payment.Value);
        Assert.Equal(["pay_2"], suspected.Duplicates.Select(p => p.Payment.Value), StringComparer.Ordinal);
        Assert.Equal(new LocalDate(2026, 3, 3), suspected.Date);
        Assert.Equal(Money.FromMajor(49m, Currency.USD), suspected.SuggestedRefund);
    }

    [Fact]
    public void The_day_is_the_tenants_day_not_UTCs()
    {
        // 23:30 and 23:50 UTC on 3 March are 00:30 and 00:50 on 4 March in Lagos; 22:50 UTC is still 3 March there.
        var payments = new[]
        {
            Payment("pay_1", 49m, Instant.FromUtc(2026, 3, 3, 22, 50)),
            Payment("pay_2", 49m, Instant.FromUtc(2026, 3, 3, 23, 30)),
            Payment("pay_3", 49m, Instant.FromUtc(2026, 3, 3, 23, 50)),
        };

        var suspected = Assert.Single(DuplicateChargeCheck.Find(payments, Lagos));

        Assert.Equal(("pay_2", "pay_3"), (suspected.Original.Payment.Value, suspected.Duplicates.Single().Payment.Value));
        Assert.Equal(new LocalDate(2026, 3, 4), suspected.Date);
    }

    [Fact]
    public void A_duplicate_already_refunded_is_not_suggested_again()
    {
        var at = Instant.FromUtc(2026, 3, 3, 8, 0);
        var payments = new[] { Payment("pay_1", 49m, at), Payment("pay_2", 49m, at + Duration.FromMinutes(1), refunded: 49m), Payment("pay_3", 49m, at + Duration.FromMinutes(2), refunded: 9m) };

        var suspected = Assert.Single(DuplicateChargeCheck.Find(payments, Lagos));

        Assert.Equal(["pay_3"], suspected.Duplicates.Select(p => p.Payment.Value), StringComparer.Ordinal);
        Assert.Equal(Money.FromMajor(40m, Currency.USD), suspected.SuggestedRefund);
    }

    [Fact]
    public void The_suggested_refund_never_touches_the_original_and_never_exceeds_what_the_duplicates_have_left() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 72).SelectMany(h => Gen.Choose(1, 3), (h, a) => (Hour: h, Tens: a)).SelectMany(_ => Gen.Choose(0, 2), (ha, c) => (ha.Hour, ha.Tens, Customer: c))).ToArbitrary(),
            charges =>
            {
                var start = Instant.FromUtc(2026, 3, 1, 0, 0);
                var payments = charges.Select((c, i) => Payment($"pay_{i}", c.Tens * 10m, start + Duration.FromHours(c.Hour), customer: $"cus_{c.Customer}")).ToList();
                foreach (var suspected in DuplicateChargeCheck.Find(payments, Lagos))
                {
                    var group = payments.Where(p => p.Customer == suspected.Original.Customer && p.Amount == suspected.Original.Amount && p.PaidAt.InZone(Lagos).Date == suspected.Date).ToList();
                    var earliest = group.Min(p => p.PaidAt);
                    var left = suspected.Duplicates.Aggregate(Money.Zero(Currency.USD), (sum, p) => sum + p.Refundable);
                    if (suspected.Original.PaidAt != earliest
                        || suspected.Duplicates.Contains(suspected.Original)
                        || suspected.Duplicates.Count != group.Count - 1
                        || suspected.SuggestedRefund != left)
                    {
                        return false;
                    }
                }

                return true;
            }));
}
