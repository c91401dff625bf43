using BillingKit.Ledger;

namespace BillingKit.PostgreSql.Storage;

/// <summary>The text of a ledger account in the balance and posting tables: its kind, or <c>Cash:provider</c>.</summary>
internal static class LedgerAccounts
{
    private const string CashPrefix = "Cash:";

    public static string Format(LedgerAccount account) => account.ToString();

    public static LedgerAccount Parse(string text)
    {
        if (text.StartsWith(CashPrefix, StringComparison.Ordinal))
        {
            return LedgerAccount.Cash(ProviderName.From(text[CashPrefix.Length..]));
        }

        return Enum.Parse<LedgerAccountKind>(text) switch
        {
            LedgerAccountKind.Receivable => LedgerAccount.Receivable,
            LedgerAccountKind.CreditBalance => LedgerAccount.CreditBalance,
            LedgerAccountKind.Revenue => LedgerAccount.Revenue,
            LedgerAccountKind.Refunds => LedgerAccount.Refunds,
            LedgerAccountKind.Disputes => LedgerAccount.Disputes,
            LedgerAccountKind.Adjustments => LedgerAccount.Adjustments,
            var other => throw new InvalidOperationException($"The stored ledger account '{text}' ({other}) is not one this version knows."),
        };
    }
}
