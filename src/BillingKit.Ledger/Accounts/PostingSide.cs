namespace BillingKit.Ledger;

/// <summary>The side of a posting.</summary>
public enum PostingSide
{
    /// <summary>A debit: increases debit-normal accounts (receivable, cash), decreases credit-normal ones.</summary>
    Debit = 0,

    /// <summary>A credit: increases credit-normal accounts (credit balance, revenue), decreases debit-normal ones.</summary>
    Credit = 1,
}
