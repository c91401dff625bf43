namespace BillingKit.Ledger;

/// <summary>The kinds of account in a tenant's books, one set per currency.</summary>
public enum LedgerAccountKind
{
    /// <summary>What the tenant owes: open charges not yet paid (an asset, debit-normal).</summary>
    Receivable = 0,

    /// <summary>What we owe the tenant: overpayments and credits, which pay future charges first (a liability, credit-normal).</summary>
    CreditBalance = 1,

    /// <summary>Money held at one payment provider or received offline (an asset, debit-normal; one account per provider).</summary>
    Cash = 2,

    /// <summary>Income from charges (credit-normal).</summary>
    Revenue = 3,

    /// <summary>Money given back through refunds (contra-revenue, debit-normal).</summary>
    Refunds = 4,

    /// <summary>Money lost to charge-backs (debit-normal).</summary>
    Disputes = 5,

    /// <summary>Goodwill and promotional credits and manual adjustments (debit-normal).</summary>
    Adjustments = 6,
}
