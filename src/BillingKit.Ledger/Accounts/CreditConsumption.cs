namespace BillingKit.Ledger;

/// <summary>The pure rule that the credit balance pays a new charge first.</summary>
internal static class CreditConsumption
{
    public static (Money FromCredit, Money Receivable) Split(Money amount, Money creditBalance)
    {
        amount.EnsureSameCurrency(creditBalance);
        var fromCredit = creditBalance.IsPositive ? Money.Min(amount, creditBalance) : Money.Zero(amount.Currency);
        return (fromCredit, amount - fromCredit);
    }
}
