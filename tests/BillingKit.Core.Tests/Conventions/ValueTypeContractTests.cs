using NodaTime;

namespace BillingKit.Core.Tests;

/// <summary>One generic check of the equality (and ordering) contract for every value type in Core.</summary>
public class ValueTypeContractTests
{
    public static TheoryData<object, object, object> EqualEqualDifferent() => new()
    {
        { BillingKit.Money.FromMinorUnits(100, Currency.USD), BillingKit.Money.FromMajor(1m, Currency.USD), BillingKit.Money.FromMinorUnits(100, Currency.EUR) },
        { Currency.USD, Currency.FromCode("usd"), Currency.EUR },
        { PaymentTerms.Net30, PaymentTerms.Parse("Net 30"), PaymentTerms.Net14 },
        { new BillingPeriod(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1)), BillingCalendar.Period(new LocalDate(2026, 1, 1), BillingFrequency.Monthly, 0), BillingCalendar.Period(new LocalDate(2026, 1, 1), BillingFrequency.Monthly, 1) },
        { TenantId.From("acme"), TenantId.From("acme"), TenantId.From("ACME") },
        { InvoiceId.From("inv_1"), InvoiceId.From("inv_1"), InvoiceId.From("inv_2") },
        { IdempotencyKey.Derive("refund", "pay_1", "1"), IdempotencyKey.From("refund:pay_1:1"), IdempotencyKey.Derive("refund", "pay_1", "2") },
        { ProviderName.From("Stripe"), ProviderName.Stripe, ProviderName.Paystack },
        { new Actor("u1", BillingRole.Finance), new Actor("u1", BillingRole.Finance), new Actor("u1", BillingRole.Support) },
    };

    [Theory]
    [MemberData(nameof(EqualEqualDifferent))]
    public void Equality_is_reflexive_symmetric_and_consistent_with_hash_codes(object a, object b, object different)
    {
        Assert.True(a.Equals(a));
        Assert.True(a.Equals(b) && b.Equals(a));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(different) || different.Equals(a));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(new object()));
        AssertOperators(a, b, different);
    }

    [Fact]
    public void Ordering_is_consistent_with_equality()
    {
        var small = BillingKit.Money.FromMinorUnits(1, Currency.USD);
        var large = BillingKit.Money.FromMinorUnits(2, Currency.USD);

        Assert.True(small.CompareTo(large) < 0 && large.CompareTo(small) > 0 && small.CompareTo(BillingKit.Money.FromMinorUnits(1, Currency.USD)) == 0);
        Assert.True(small < large && small <= large && large > small && large >= small);
        Assert.True(Currency.EUR < Currency.USD && Currency.USD.CompareTo(Currency.USD) == 0);
        Assert.Equal(1, ((IComparable)small).CompareTo(null));
    }

    private static void AssertOperators(object a, object b, object different)
    {
        var equality = a.GetType().GetMethod("op_Equality", [a.GetType(), a.GetType()]);
        var inequality = a.GetType().GetMethod("op_Inequality", [a.GetType(), a.GetType()]);
        Assert.NotNull(equality);
        Assert.NotNull(inequality);
        Assert.True((bool)equality.Invoke(null, [a, b])!);
        Assert.False((bool)equality.Invoke(null, [a, different])!);
        Assert.False((bool)inequality.Invoke(null, [a, b])!);
        Assert.True((bool)inequality.Invoke(null, [a, different])!);
    }
}
