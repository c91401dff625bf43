using BillingKit.TestUtilities;
using FsCheck;
using FsCheck.Fluent;

namespace BillingKit.Operations.Tests.Approvals;

public class CreditAuthorityTests
{
    private static readonly CreditAuthorityTable Defaults = new CreditAuthorityOptions().ToTable();

    [Fact]
    public void Finance_applies_a_USD_50_credit_now_but_a_USD_500_credit_needs_approval()
    {
        var small = CreditAuthority.Decide(Defaults, DeskFixture.Finance, Money.FromMajor(50m, Currency.USD));
        var large = CreditAuthority.Decide(Defaults, DeskFixture.Finance, Money.FromMajor(500m, Currency.USD));

        Assert.True(small.ApplyNow);
        Assert.True(large.NeedsApproval);
        Assert.Equal(Money.FromMajor(100m, Currency.USD), large.Limit);
    }

    [Fact]
    public void A_super_admin_has_unlimited_authority()
    {
        var decision = CreditAuthority.Decide(Defaults, DeskFixture.SuperAdmin, Money.FromMajor(1_000_000m, Currency.USD));
        Assert.True(decision.ApplyNow);
        Assert.Null(decision.Limit);
    }

    [Fact]
    public void A_currency_without_a_limit_for_the_role_needs_approval_for_any_credit()
    {
        var decision = CreditAuthority.Decide(Defaults, DeskFixture.BillingAdmin, Money.FromMinorUnits(1, Currency.JPY));
        Assert.True(decision.NeedsApproval);
        Assert.Equal(Money.Zero(Currency.JPY), decision.Limit);
    }

    [Fact]
    public void Limits_are_configurable_per_role_and_currency()
    {
        var options = new CreditAuthorityOptions()
            .SetLimit(BillingRole.Finance, Money.FromMajor(250m, Currency.EUR))
            .SetUnlimited(BillingRole.BillingAdmin)
            .RemoveAuthority(BillingRole.SuperAdmin);
        var table = options.ToTable();

        Assert.True(CreditAuthority.Decide(table, DeskFixture.Finance, Money.FromMajor(250m, Currency.EUR)).ApplyNow);
        Assert.True(CreditAuthority.Decide(table, DeskFixture.BillingAdmin, Money.FromMajor(99_999m, Currency.EUR)).ApplyNow);
        Assert.True(CreditAuthority.Decide(table, DeskFixture.SuperAdmin, Money.FromMajor(1m, Currency.EUR)).NeedsApproval);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.SetLimit(BillingRole.Finance, Money.FromMajor(-1m, Currency.EUR)));
    }

    [Fact]
    public void A_credit_must_be_above_zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditAuthority.Decide(Defaults, DeskFixture.Finance, Money.Zero(Currency.USD)));

    [Fact]
    public void The_decision_never_applies_a_credit_above_the_actors_authority() =>
        PropertyTest.Check(Prop.ForAll(
            Gen.Elements(Enum.GetValues<BillingRole>()).ToArbitrary(),
            Generators.Currencies().SelectMany(c => Gen.Choose(1, int.MaxValue).Select(units => Money.FromMinorUnits(units, c))).ToArbitrary(),
            Gen.Choose(0, 2_000_000).ToArbitrary(),
            (role, amount, limitUnits) =>
            {
                var options = new CreditAuthorityOptions().SetLimit(role, Money.FromMinorUnits(limitUnits, amount.Currency));
                var decision = CreditAuthority.Decide(options.ToTable(), new Actor("someone", role), amount);
                var limit = Money.FromMinorUnits(limitUnits, amount.Currency);
                return decision.ApplyNow == (amount <= limit) && (decision.ApplyNow || decision.Limit == limit);
            }));
}
