namespace BillingKit.Ledger;

/// <summary>How an amount is applied to open charges: what each charge receives and the excess that becomes credit balance.</summary>
/// <param name="Applied">The amounts applied, in application order; each positive.</param>
/// <param name="Excess">What is left after every open charge is settled; zero or positive.</param>
/// <remarks>The applied amounts plus <paramref name="Excess"/> always add up to the amount that was applied.</remarks>
public sealed record CashAllocation(IReadOnlyList<ChargeAllocation> Applied, Money Excess)
{
    /// <summary>Gets the total applied to charges.</summary>
    public Money TotalApplied => Applied.Aggregate(Money.Zero(Excess.Currency), static (sum, a) => sum + a.Amount);
}
